namespace HeloData.Reports.Collector;

/// <summary>
/// The names to subscribe to the collector's traces and metrics, for example with OpenTelemetry:
/// <c>.AddSource(ReportsCollectorTelemetry.ActivitySourceName)</c> and <c>.AddMeter(ReportsCollectorTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Each run a collector claims is one span, <c>collector.run</c>, tagged with the run, its report, the door it came
/// in by and the attempt. The instruments (<c>helodata.collector.runs</c>, <c>helodata.collector.gaps</c>,
/// <c>helodata.collector.claims_taken_over</c>, <c>helodata.collector.lag</c>) and their tags are listed in
/// <c>docs/telemetry.md</c>. No span, tag or measurement holds a key, a download URL or a connection string.
/// </remarks>
public static class ReportsCollectorTelemetry
{
    /// <summary>The name of the collector's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "HeloData.Reports.Collector";

    /// <summary>The name of the collector's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "HeloData.Reports.Collector";
}
