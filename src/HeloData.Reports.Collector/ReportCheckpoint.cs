namespace HeloData.Reports.Collector;

/// <summary>
/// A report's checkpoint and the schedule its occurrences were judged by: every occurrence due at or before
/// <see cref="At"/> has been judged, and <see cref="Schedule"/> was the report's schedule from then until at least
/// <see cref="ScheduleSeenAt"/>. The gap finder judges no window with a schedule that was not in force then, so after a
/// <c>PATCH</c> of the schedule it needs both.
/// </summary>
public sealed record ReportCheckpoint
{
    /// <summary>Every scheduled occurrence due at or before this instant has been judged (covered, or recorded as a gap).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The cron expression the occurrences up to <see cref="At"/> were judged by, exactly as the service sent it; <see langword="null"/> when not known (a checkpoint written without it, or by an earlier version).</summary>
    public string? Schedule { get; init; }

    /// <summary>The last instant <see cref="Schedule"/> was seen in force (the pass that recorded it); <see langword="null"/> exactly when <see cref="Schedule"/> is.</summary>
    public DateTimeOffset? ScheduleSeenAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => Schedule is null ? $"{At:O}" : $"{At:O} ('{Schedule}' seen at {ScheduleSeenAt:O})";
}
