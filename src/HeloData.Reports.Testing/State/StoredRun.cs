namespace HeloData.Reports.Testing.State;

/// <summary>A run, with a snapshot of its report taken when it was accepted (the report may change or go later).</summary>
internal sealed class StoredRun(string id, string reportId, DateOnly from, DateOnly to, DateTimeOffset createdAt, RunTimeline timeline, StoredReport report, long? artifactRowCount)
{
    public string Id { get; } = id;

    public string ReportId { get; } = reportId;

    public DateOnly From { get; } = from;

    public DateOnly To { get; } = to;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public RunTimeline Timeline { get; } = timeline;

    /// <summary>Whether the report's schedule made it (at an occurrence) rather than <c>POST /reports/{id}/run</c>.</summary>
    public bool Scheduled { get; init; }

    /// <summary>Whether <see cref="SandboxFaults"/> keeps it out of <c>recent_runs</c> (it is still read by id).</summary>
    public bool Hidden { get; init; }

    public string Type { get; } = report.Type;

    public string Format { get; } = report.Format;

    public IReadOnlyList<string> Products { get; } = report.Products;

    /// <summary>Whether the artifact is pushed to a destination (no download URL) rather than offered for download.</summary>
    public bool Pushed { get; } = report.DestinationType is { } type && SandboxContract.PushDestinations.Contains(type);

    /// <summary>The report's destination when the run was accepted (its <c>signing_secret</c> included): where a pushed artifact goes.</summary>
    public System.Text.Json.Nodes.JsonObject? Destination { get; } = report.Fields["destination"]?.DeepClone() as System.Text.Json.Nodes.JsonObject;

    /// <summary>Bumped by <c>ExpireDownloadUrl</c>: URLs signed for an older generation stop working.</summary>
    public int UrlGeneration { get; set; }

    /// <summary>
    /// The row count the sandbox was set to when the run was accepted, so the knob changing later does
    /// not change this run's artifact; <see langword="null"/> for the window's count.
    /// </summary>
    public long? ArtifactRowCount { get; } = artifactRowCount;

    /// <summary>
    /// The artifact of a run without <see cref="ArtifactRowCount"/>, made on first download and kept, so every
    /// download of a run is identical; a run with a row count is generated again, identically, for each download.
    /// </summary>
    public byte[]? Artifact { get; set; }

    public DateTimeOffset FinishedAt => CreatedAt + Timeline.Duration;

    /// <summary>The run as a test sees it (<see cref="ReportsSandbox.Runs"/>), its status at <paramref name="now"/>.</summary>
    public SandboxRun Snapshot(DateTimeOffset now) => new(Id, ReportId, From, To, CreatedAt, Timeline, Scheduled, Hidden, StatusAt(now));

    public string StatusAt(DateTimeOffset now) =>
        now < CreatedAt + Timeline.Queued ? "queued"
        : now < FinishedAt ? "running"
        : Timeline.FailureCode is null ? "completed"
        : "failed";
}
