using System.Text.Json.Serialization;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The one System.Text.Json context for every wire type. Source-generated, so nothing is serialized
/// by reflection at run time (trim- and Native-AOT-safe).
/// </summary>
/// <remarks>
/// Wire assumptions that live here: <c>snake_case</c> property names; timestamps as RFC 3339 UTC
/// (<see cref="UtcTimestampConverter"/>); run-window dates as <c>YYYY-MM-DD</c> (the built-in
/// <see cref="DateOnly"/> format); and nulls written on responses, so a round trip keeps them.
/// Requests leave out what they do not set through <see cref="JsonIgnoreCondition.WhenWritingNull"/>
/// on their own properties.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(NewReport))]
[JsonSerializable(typeof(ReportUpdate))]
[JsonSerializable(typeof(ReportList))]
[JsonSerializable(typeof(RunWindow))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(ReportRun))]
[JsonSerializable(typeof(ApiErrorResponse))]
[JsonSerializable(typeof(EmailDestination))]
[JsonSerializable(typeof(WebhookDestination))]
[JsonSerializable(typeof(S3Destination))]
[JsonSerializable(typeof(GcsDestination))]
[JsonSerializable(typeof(ReportType?))]
[JsonSerializable(typeof(ReportFormat?))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext
{
}
