using HeloData.Reports.Models;

namespace HeloData.Reports.Runs;

/// <summary>One poll's answer: the run, and the <c>Retry-After</c> that came with it, if any.</summary>
internal readonly record struct RunPoll(ReportRun Run, TimeSpan? RetryAfter);
