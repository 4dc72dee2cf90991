using System.Text.Json;
using System.Text.Json.Serialization;
using HeloData.Reports.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The body of <c>PATCH /reports/{id}</c>, with JSON merge-patch (RFC 7396) semantics: a property
/// never assigned is left out and stays unchanged on the service; a property assigned
/// <see langword="null"/> is sent as <c>null</c>.
/// </summary>
/// <example>
/// Make a scheduled report on-demand only, and touch nothing else; this sends exactly
/// <c>{"schedule":null}</c>:
/// <code>
/// var update = new ReportUpdate { Schedule = null };
/// </code>
/// </example>
[JsonConverter(typeof(ReportUpdateConverter))]
public sealed class ReportUpdate
{
    internal PatchField<string> NameField;
    internal PatchField<ReportType?> TypeField;
    internal PatchField<ReportFilters> FiltersField;
    internal PatchField<string> ScheduleField;
    internal PatchField<ReportFormat?> FormatField;
    internal PatchField<ReportDestination> DestinationField;

    /// <summary>The new name. Assigning sets it; never assigning leaves it unchanged.</summary>
    public string? Name { get => NameField.Value; set => NameField = new(value); }

    /// <summary>The new report type. Assigning sets it; never assigning leaves it unchanged.</summary>
    public ReportType? Type { get => TypeField.Value; set => TypeField = new(value); }

    /// <summary>The new filters, replacing the old ones whole. Never assigning leaves them unchanged.</summary>
    public ReportFilters? Filters { get => FiltersField.Value; set => FiltersField = new(value); }

    /// <summary>
    /// The new 5-field cron schedule (UTC). Assigning <see langword="null"/> removes the schedule, so the
    /// report runs on demand only; never assigning leaves it unchanged.
    /// </summary>
    public string? Schedule { get => ScheduleField.Value; set => ScheduleField = new(value); }

    /// <summary>The new artifact format. Assigning sets it; never assigning leaves it unchanged.</summary>
    public ReportFormat? Format { get => FormatField.Value; set => FormatField = new(value); }

    /// <summary>The new destination, replacing the old one whole. Never assigning leaves it unchanged.</summary>
    public ReportDestination? Destination { get => DestinationField.Value; set => DestinationField = new(value); }

    /// <summary>
    /// Further properties to send as they are: fields newer than this SDK, or those carried over
    /// from a report by <see cref="FromReport(Report)"/>.
    /// </summary>
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>The wire names of the properties this update sends, in the order they are sent.</summary>
    public IReadOnlyList<string> ChangedFields => ReportUpdateConverter.ChangedFields(this);

    /// <summary>Whether this update sends no property at all.</summary>
    public bool IsEmpty => ChangedFields.Count == 0;

    /// <summary>
    /// Creates an update that sets every writable field to the report's value, including the properties
    /// this SDK does not model, for a read-modify-write that loses nothing.
    /// </summary>
    /// <param name="report">The report, as read from the service and possibly changed since.</param>
    /// <returns>An update carrying every writable field of <paramref name="report"/>; read-only fields are left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ReportUpdate FromReport(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var update = new ReportUpdate
        {
            Name = report.Name,
            Filters = report.Filters,
            Schedule = report.Schedule,
            Destination = report.Destination,
        };

        // A default type or format means the service sent none; "null" would be a change, not a copy.
        if (report.Type != default)
        {
            update.Type = report.Type;
        }

        if (report.Format != default)
        {
            update.Format = report.Format;
        }

        foreach (var (name, value) in report.AdditionalProperties)
        {
            update.AdditionalProperties[name] = value;
        }

        return update;
    }

    /// <inheritdoc />
    public override string ToString() => $"update of {{{string.Join(", ", ChangedFields)}}}";
}
