using System.Text.Json;
using System.Text.Json.Serialization;
using HeloData.Reports.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Where a report's artifact is delivered. One of <see cref="EmailDestination"/>,
/// <see cref="WebhookDestination"/>, <see cref="S3Destination"/>, <see cref="GcsDestination"/>,
/// or <see cref="UnknownDestination"/> for a <c>type</c> this version of the SDK does not know.
/// </summary>
/// <remarks>The JSON form is an object discriminated by its <c>type</c> property.</remarks>
[JsonConverter(typeof(ReportDestinationConverter))]
public abstract class ReportDestination
{
    // Only this assembly may add kinds: the converter must know every subclass.
    private protected ReportDestination()
    {
    }

    /// <summary>The destination's <c>type</c> discriminator.</summary>
    [JsonPropertyOrder(-1)]
    public abstract DestinationType Type { get; }

    /// <summary>
    /// Properties the service sent that this SDK does not model. They are written back unchanged,
    /// so reading a report and saving it again loses nothing.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
