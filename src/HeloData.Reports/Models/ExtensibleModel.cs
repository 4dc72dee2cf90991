using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Whether both hold the same additional properties, each compared as JSON (<see cref="JsonNode.DeepEquals"/>:
    /// the order of an object's members and the spelling of whitespace do not count). For the value
    /// equality of the models an application builds; a hash code leaves them out, as they can change.
    /// </summary>
    private protected bool SameAdditionalProperties(ExtensibleModel other)
    {
        var mine = _additionalProperties;
        var theirs = other._additionalProperties;
        if ((mine?.Count ?? 0) != (theirs?.Count ?? 0))
        {
            return false;
        }

        return mine is null || theirs is null
            || mine.All(pair => theirs.TryGetValue(pair.Key, out var value) && JsonNode.DeepEquals(ToNode(pair.Value), ToNode(value)));
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => JsonValue.Create(element),
    };
}
