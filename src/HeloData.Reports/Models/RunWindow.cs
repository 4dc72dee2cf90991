using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The body of <c>POST /reports/{id}/run</c>: the calendar dates (UTC, both ends inclusive) a run
/// covers. Either end may be left out, and the service picks a default for it.
/// </summary>
/// <remarks>A record: two windows with the same dates are equal (<c>Equals</c> and <c>==</c>).</remarks>
public sealed record RunWindow
{
    /// <summary>The first day covered; <see langword="null"/> to let the service choose.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? From { get; init; }

    /// <summary>The last day covered, inclusive; <see langword="null"/> to let the service choose.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? To { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{From?.ToString("yyyy-MM-dd") ?? "(default)"}..{To?.ToString("yyyy-MM-dd") ?? "(default)"}";
}
