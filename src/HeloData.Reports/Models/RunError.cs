using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Why a run failed (a failed run's <c>error</c> object).</summary>
public sealed class RunError : ExtensibleModel
{
    // Built by the JSON reader and by ReportsModelFactory only: a response is never made by hand.
    [JsonConstructor]
    internal RunError()
    {
    }

    /// <summary>The machine-readable reason.</summary>
    [JsonInclude]
    public ReportsErrorCode Code { get; internal set; }

    /// <summary>A human-readable explanation.</summary>
    [JsonInclude]
    public string Message { get; internal set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
