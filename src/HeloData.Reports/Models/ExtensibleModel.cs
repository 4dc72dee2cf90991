using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A model that keeps the JSON properties this version of the SDK does not know, and writes them back
/// unchanged: reading a model and sending it again loses nothing.
/// </summary>
public abstract class ExtensibleModel
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    // Only this assembly's models derive from it: the JSON context must know every one.
    private protected ExtensibleModel()
    {
    }

    /// <summary>Properties the service sent that this SDK does not model (or, on a request, extra ones to send as they are).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        // Made on first use: most answers have no unknown fields, and a wait reads one every few seconds.
        get => _additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        internal set => _additionalProperties = value;
    }
}
