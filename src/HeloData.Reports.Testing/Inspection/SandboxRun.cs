using System.Globalization;

namespace HeloData.Reports.Testing;

/// <summary>
/// One run the sandbox created, on demand or at an occurrence of its report's schedule, as a test
/// sees it: a snapshot taken when it was read from <see cref="ReportsSandbox.Runs"/> or handed to
/// <see cref="ReportsSandbox.RunCreated"/> or a <see cref="SandboxFaults"/> rule.
/// </summary>
public sealed class SandboxRun
{
    /// <summary>A run as it stands; by default as it is about to be created, before any fault is decided: <c>queued</c>, not hidden.</summary>
    internal SandboxRun(string runId, string reportId, DateOnly from, DateOnly to, DateTimeOffset createdAt, RunTimeline timeline, bool scheduled, bool hidden = false, string status = "queued")
    {
        RunId = runId;
        ReportId = reportId;
        From = from;
        To = to;
        CreatedAt = createdAt;
        CompletedAt = createdAt + timeline.Duration;
        Status = status;
        ErrorCode = timeline.FailureCode;
        Scheduled = scheduled;
        Hidden = hidden;
    }

    /// <summary>The run's id (<c>run_id</c>).</summary>
    public string RunId { get; }

    /// <summary>Its report's id.</summary>
    public string ReportId { get; }

    /// <summary>The first day of its window.</summary>
    public DateOnly From { get; }

    /// <summary>The last day of its window.</summary>
    public DateOnly To { get; }

    /// <summary>Its <c>created_at</c>: when it was accepted, or, for a scheduled run, the schedule's occurrence.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it reaches its final status, <c>completed</c> or <c>failed</c> (its <c>completed_at</c>), on the sandbox's clock.</summary>
    public DateTimeOffset CompletedAt { get; }

    /// <summary>Its status when this snapshot was taken: <c>queued</c>, <c>running</c>, <c>completed</c> or <c>failed</c>.</summary>
    public string Status { get; }

    /// <summary>The <c>error.code</c> it fails with, or <see langword="null"/> when it completes.</summary>
    public string? ErrorCode { get; }

    /// <summary>Whether its report's schedule made it, rather than <c>POST /reports/{id}/run</c>.</summary>
    public bool Scheduled { get; }

    /// <summary>Whether it is kept out of <c>recent_runs</c> by <see cref="SandboxFaults.HideRuns(double)"/> (it is still read by id).</summary>
    public bool Hidden { get; }

    /// <summary>The run in one line, for test output.</summary>
    /// <returns>Such as <c>run_… of rep_… 2026-06-01..2026-06-01 scheduled completed</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RunId} of {ReportId} {From:yyyy-MM-dd}..{To:yyyy-MM-dd} {(Scheduled ? "scheduled" : "on demand")} {Status}{(Hidden ? " hidden" : "")}");
}
