namespace HeloData.Reports.Testing.State;

// Creating runs, on demand or at a schedule's occurrences: lazily, whenever the store is used, so a
// fake clock moved by 30 days in one step finds the 30 runs with their own created_at, and from a
// timer on the sandbox's clock, so webhooks of scheduled runs go out without any request.
internal sealed partial class SandboxStore : IDisposable
{
    // An ITimer takes at most about 49 days; a schedule further away is looked at again after a day.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly SandboxSchedule _schedule = new();
    private readonly Dictionary<string, List<StoredRun>> _runsByReport = new(StringComparer.Ordinal);
    private readonly List<StoredRun> _allRuns = [];
    private ITimer? _timer;
    private DateTimeOffset? _timerDue;
    private bool _disposed;

    /// <summary>
    /// Told of each run as it is created, under the store's lock, before any client can see it: the
    /// webhook push and the sandbox's <c>RunCreated</c>.
    /// </summary>
    public Action<StoredRun>? RunCreated { get; set; }

    /// <summary>Every run created, oldest first, as a test sees it.</summary>
    public IReadOnlyList<SandboxRun> Runs()
    {
        lock (_gate)
        {
            CatchUp();
            var now = Now();
            return _allRuns.Select(run => run.Snapshot(now)).ToList();
        }
    }

    /// <summary>Stops the schedule timer; runs due later are still made when the store is next used.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Makes the run of every occurrence due by now, in order, each created at its occurrence.</summary>
    private void CatchUp()
    {
        foreach (var due in _schedule.TakeDue(Now()))
        {
            AddRun(due.Report, due.From, due.To, due.At, scheduled: true);
        }

        ArmTimer();
    }

    private void StartSchedule(StoredReport report)
    {
        _schedule.Start(report, Now());
        ArmTimer();
    }

    private StoredRun AddRun(StoredReport report, DateOnly from, DateOnly to, DateTimeOffset createdAt, bool scheduled)
    {
        var id = NewId("run_");
        while (_runs.ContainsKey(id))
        {
            id = NewId("run_");
        }

        var (timeline, hidden) = faults.ForNewRun(new SandboxRun(id, report.Id, from, to, createdAt, Timeline, scheduled), Timeline, options.Seed);
        var run = new StoredRun(id, report.Id, from, to, createdAt, timeline, report, _artifactRowCount) { Scheduled = scheduled, Hidden = hidden };
        _runs.Add(run.Id, run);
        _runsByReport[report.Id].Add(run);
        _allRuns.Add(run);
        RunCreated?.Invoke(run);
        return run;
    }

    /// <summary>
    /// The newest runs of one report for <c>recent_runs</c>: at most 10, within retention, none hidden.
    /// A report's runs are kept in creation order, which is <c>created_at</c> order (due occurrences are
    /// made before anything else), so this reads only the tail.
    /// </summary>
    private IEnumerable<StoredRun> RecentRuns(string reportId, DateTimeOffset now)
    {
        var runs = _runsByReport[reportId];
        var taken = 0;
        for (var i = runs.Count - 1; i >= 0 && taken < SandboxContract.RecentRuns && now <= runs[i].CreatedAt + options.Retention; i--)
        {
            if (!runs[i].Hidden)
            {
                taken++;
                yield return runs[i];
            }
        }
    }

    /// <summary>Sets the timer for the earliest planned occurrence, if it moved.</summary>
    private void ArmTimer()
    {
        var due = _schedule.NextDue;
        if (due == _timerDue || _disposed)
        {
            return;
        }

        _timerDue = due;
        if (due is not { } at)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        _timer ??= time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var wait = at - Now();
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            // A wait cut to a day, or a timer a little early: nothing may be due yet, and it is armed again.
            _timerDue = null;
            try
            {
                CatchUp();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A RunCreated handler failed (its run is made): on a timer thread that would end the
                // process, so it is lost, as documented. The occurrences after it are made next.
            }
            finally
            {
                ArmTimer();
            }
        }
    }
}
