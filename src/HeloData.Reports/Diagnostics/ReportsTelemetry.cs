namespace HeloData.Reports;

/// <summary>
/// The names to subscribe to the SDK's traces and metrics, for example with OpenTelemetry:
/// <c>.AddSource(ReportsTelemetry.ActivitySourceName)</c> and <c>.AddMeter(ReportsTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Each public operation is one span of kind Client, named <c>"HeloData.Reports {operation}"</c>
/// (<c>HeloData.Reports CreateReport</c>), and one measurement of the requests and duration
/// instruments. The instruments, tags and operations are listed in <c>docs/telemetry.md</c>. No span,
/// tag or measurement ever holds the API key, a download URL or an error message.
/// </remarks>
public static class ReportsTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "HeloData.Reports";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "HeloData.Reports";
}
