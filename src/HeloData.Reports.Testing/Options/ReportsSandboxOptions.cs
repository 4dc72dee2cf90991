namespace HeloData.Reports.Testing;

/// <summary>Settings of a <see cref="ReportsSandbox"/>.</summary>
public sealed class ReportsSandboxOptions
{
    /// <summary>The clock for timestamps, run timelines, URL expiry and retention. Use a fake one to move time in tests.</summary>
    /// <value>The default is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Seeds ids and artifact data, so a run of a test produces the same data every time.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>The timeline of every run the sandbox accepts (change it any time with <see cref="ReportsSandbox.RunTimeline"/>).</summary>
    /// <value>The default is <see cref="Testing.RunTimeline.Default"/>: 1 s queued, 2 s running.</value>
    public RunTimeline RunTimeline { get; set; } = RunTimeline.Default;

    /// <summary>How long a signed download URL stays valid.</summary>
    /// <value>The default value is 1 hour, as the published API page says.</value>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long runs and their artifacts are kept.</summary>
    /// <value>The default value is 90 days, as the published API page says.</value>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
