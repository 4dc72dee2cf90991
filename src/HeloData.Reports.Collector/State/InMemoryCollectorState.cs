namespace HeloData.Reports.Collector;

/// <summary>
/// What several <see cref="InMemoryCollectorStateStore"/>s share, as instances share a database: give the same
/// object to each store to play several instances, or the restarts of one, in one process.
/// </summary>
public sealed class InMemoryCollectorState
{
    // Every store on this state takes this lock for the whole of each call: each call is atomic.
    internal object Gate { get; } = new();

    internal Dictionary<string, RunEntry> Runs { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ReportCheckpoint> Checkpoints { get; } = new(StringComparer.Ordinal);

    internal Dictionary<(string ReportId, DateOnly From, DateOnly To), GapEntry> Gaps { get; } = [];

    /// <summary>A run: its claim (owner, life, lease) while claimed, and what happened to it.</summary>
    internal sealed class RunEntry
    {
        public string? ReportId { get; set; }

        public DateOnly From { get; set; }

        public DateOnly To { get; set; }

        public string? Owner { get; set; }

        public Guid? Life { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }

        public int Attempts { get; set; }

        /// <summary>A claim ended with no outcome recorded (lapsed and taken over, or released by a later life's start).</summary>
        public bool Unfinished { get; set; }

        public DateTimeOffset? CollectedAt { get; set; }

        public bool Failed { get; set; }

        public HashSet<string> FinishedHandlers { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A gap, and the claim on requesting its backfill while one is held.</summary>
    internal sealed class GapEntry(ReportGap gap)
    {
        public ReportGap Gap { get; set; } = gap;

        public string? Owner { get; set; }

        public Guid? Life { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }
    }
}
