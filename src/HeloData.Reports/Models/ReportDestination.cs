using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Where a report's artifact is delivered. One of <see cref="EmailDestination"/>,
/// <see cref="WebhookDestination"/>, <see cref="S3Destination"/>, <see cref="GcsDestination"/>,
/// or <see cref="UnknownDestination"/> for a <c>type</c> this version of the SDK does not know.
/// </summary>
/// <remarks>The JSON form is an object discriminated by its <c>type</c> property.</remarks>
[JsonConverter(typeof(ReportDestinationConverter))]
public abstract class ReportDestination : ExtensibleModel
{
    // Only this assembly may add kinds: the converter must know every subclass.
    private protected ReportDestination(string? type)
    {
        Type = type;
    }

    /// <summary>
    /// The destination's <c>type</c> discriminator, spelled as the service sent it: <c>email</c>,
    /// <c>webhook</c>, <c>s3</c>, <c>gcs</c> (a known type is recognised ignoring case, and its spelling is
    /// still written back unchanged), a type this SDK does not know, or <see langword="null"/> when an
    /// unknown destination has none. Match on the destination's class to tell the known kinds apart.
    /// </summary>
    [JsonPropertyOrder(-1)]
    [JsonInclude]
    public string? Type { get; internal init; }
}
