using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using static HeloData.Reports.TelemetryNames;

namespace HeloData.Reports;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, static like the names, so
/// every client instance reports under the same source whether built by DI or by hand.
/// </summary>
internal static class ReportsInstrumentation
{
    private static readonly string? Version = typeof(ReportsInstrumentation).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } informational
        ? informational.Split('+')[0] // the package version, without SourceLink's "+commit"
        : null;

    public static readonly ActivitySource Source = new(ReportsTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(ReportsTelemetry.MeterName, Version);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        RequestsInstrumentName, "{request}", "Public operations of the HeloData Reports client.");

    // Boundaries from a few milliseconds (one call) up to an hour (a long wait for a run), since
    // an OpenTelemetry SDK's default buckets are made for milliseconds.
    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        RequestDurationInstrumentName,
        "s",
        "Duration of public operations of the HeloData Reports client.",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

    public static readonly Histogram<long> WaitPolls = Meter.CreateHistogram(
        WaitPollsInstrumentName,
        "{poll}",
        "Status requests made while waiting for one run.",
        tags: null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000] });

    public static readonly Counter<long> DownloadBytes = Meter.CreateCounter<long>(
        DownloadBytesInstrumentName, "By", "Artifact bytes received from the download host.");

    /// <summary>
    /// The outcome of a failed operation: a code, never a message, which may quote what the service
    /// or the transport said.
    /// </summary>
    public static string OutcomeOf(Exception exception) => exception switch
    {
        ReportsException { ErrorCode: var code } when code.ToString() is { Length: > 0 } text => text,
        OperationCanceledException => CancelledOutcome,
        _ => exception.GetType().FullName ?? nameof(Exception),
    };

    public static void RecordPolls(int polls, string outcome)
    {
        if (WaitPolls.Enabled)
        {
            WaitPolls.Record(polls, new KeyValuePair<string, object?>(OutcomeTagName, outcome));
        }
    }

    public static void RecordDownloaded(int bytes)
    {
        if (bytes > 0 && DownloadBytes.Enabled)
        {
            DownloadBytes.Add(bytes);
        }
    }
}
