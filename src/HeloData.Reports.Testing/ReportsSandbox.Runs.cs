using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing;

// The runs the sandbox created, for tests and for an outside record (the CLI's --runs-log).
public sealed partial class ReportsSandbox
{
    /// <summary>
    /// Raised for each run as it is created, on demand or at an occurrence of a report's schedule, before
    /// any client can see it (so a record written here never misses a run a client collected). It is
    /// raised under the sandbox's lock, on the thread that made the run (a request's, or the schedule
    /// timer's on <see cref="TimeProvider"/>): keep the handler quick, and never wait in it for another
    /// thread that uses the sandbox. An exception from it fails the request, or is lost on the timer.
    /// </summary>
    /// <example>
    /// <code>
    /// sandbox.RunCreated += (_, run) => log.WriteLine($"{run.RunId} {run.From:yyyy-MM-dd}..{run.To:yyyy-MM-dd}");
    /// </code>
    /// </example>
    public event EventHandler<SandboxRun>? RunCreated;

    /// <summary>
    /// Every run the sandbox created so far, oldest first: on-demand runs and the runs of reports'
    /// schedules (made up to the sandbox's clock's now when this is read), with their windows, status,
    /// and the faults they got. A snapshot: read it again to see later changes.
    /// </summary>
    /// <example>
    /// <code>
    /// time.Advance(TimeSpan.FromDays(30));
    /// var daily = sandbox.Runs.Where(run => run.ReportId == reportId &amp;&amp; run.Scheduled).ToList();   // 30 runs
    /// </code>
    /// </example>
    public IReadOnlyList<SandboxRun> Runs => _store.Runs();

    private void OnRunCreated(StoredRun run)
    {
        _webhooks.Schedule(run);
        RunCreated?.Invoke(this, new SandboxRun(run, run.CreatedAt));
    }
}
