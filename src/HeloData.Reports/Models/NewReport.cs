using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>The body of <c>POST /reports</c>: a report to create.</summary>
/// <remarks>
/// Optional members left <see langword="null"/> are left out of the request. Leaving out
/// <see cref="Schedule"/> makes an on-demand report. Compared by value: two requests are equal when
/// every member is (names and schedules ordinally, type and format as their <c>==</c> does, filters and
/// destination by value, <see cref="ExtensibleModel.AdditionalProperties"/> as JSON), so they would
/// send the same report.
/// </remarks>
public sealed class NewReport : ExtensibleModel, IEquatable<NewReport>
{
    /// <summary>Creates a report request with its required fields.</summary>
    /// <param name="name">The report's name, such as <c>weekly-traffic</c>.</param>
    /// <param name="type">The kind of data to export.</param>
    /// <param name="format">The artifact's file format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    [JsonConstructor]
    public NewReport(string name, ReportType type, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Type = type;
        Format = format;
    }

    /// <summary>The report's name.</summary>
    public string Name { get; }

    /// <summary>The kind of data to export.</summary>
    public ReportType Type { get; }

    /// <summary>Which data goes into the report, if filtered.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportFilters? Filters { get; init; }

    /// <summary>A standard 5-field cron expression in UTC; <see langword="null"/> for on demand only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schedule { get; init; }

    /// <summary>The artifact's file format.</summary>
    public ReportFormat Format { get; }

    /// <summary>Where to deliver the artifact; <see langword="null"/> to fetch it from the run's download URL.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportDestination? Destination { get; init; }

    /// <summary>Compares two requests by value; <see langword="null"/> equals only <see langword="null"/>.</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal by value.</returns>
    public static bool operator ==(NewReport? left, NewReport? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two requests by value.</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(NewReport? left, NewReport? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(NewReport? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Name == other.Name
            && Type == other.Type
            && Format == other.Format
            && Schedule == other.Schedule
            && Filters == other.Filters
            && Destination == other.Destination
            && SameAdditionalProperties(other));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NewReport);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Type, Format, Schedule, Filters, Destination);
}
