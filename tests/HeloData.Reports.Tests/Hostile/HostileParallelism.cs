// The hostile cases spend their time waiting (a wait's one-second maximum, a file download's fixed
// 1 s + 2 s restart pauses), not computing, so far more of them than there are cores can run at once.
// Only fixtures marked [Parallelizable] use these workers: NUnit runs every other fixture of this
// assembly in its own non-parallel shift, one test at a time, exactly as before.
[assembly: LevelOfParallelism(16)]
