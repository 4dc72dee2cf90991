using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>The names of the properties this update sends (the additional properties' as given).</summary>
    internal IEnumerable<string> ChangedFields
    {
        get
        {
            if (NameField.IsSet) yield return nameof(Name);
            if (TypeField.IsSet) yield return nameof(Type);
            if (FiltersField.IsSet) yield return nameof(Filters);
            if (ScheduleField.IsSet) yield return nameof(Schedule);
            if (FormatField.IsSet) yield return nameof(Format);
            if (DestinationField.IsSet) yield return nameof(Destination);
            foreach (var name in AdditionalProperties.Keys)
            {
                yield return name;
            }
        }
    }

    /// <summary>
    /// Creates an update that sets every writable field the report carries, including the properties
    /// this SDK does not model, for a read-modify-write that loses nothing.
    /// </summary>
    /// <remarks>
    /// Read-only fields (<c>id</c>, timestamps) are left out. So is every field the report does not
    /// carry (a <see langword="null"/> filters or destination, an empty name, a <c>default</c> type or
    /// format), because sending <c>null</c> would erase it rather than copy it. The schedule is always
    /// copied: <see langword="null"/> there means "on demand", which sending preserves.
    /// A <see cref="WebhookDestination"/> read without its <see cref="WebhookDestination.SigningSecret"/>
    /// is left out too: a patch replaces the destination whole, and would erase the secret.
    /// The values copied are sent back as the service returned them, without the client's checks: a
    /// value the service accepted once is never refused. A property assigned afterwards is checked as usual.
    /// </remarks>
    /// <param name="report">The report, as read from the service and possibly changed since.</param>
    /// <returns>An update carrying the writable fields of <paramref name="report"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ReportUpdate FromReport(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);

        // Marked as the service's own values: sent back unjudged, since the service accepted them once.
        var update = new ReportUpdate { ScheduleField = new(report.Schedule, fromService: true) };
        if (!string.IsNullOrEmpty(report.Name))
        {
            update.NameField = new(report.Name, fromService: true);
        }

        if (report.Type != default)
        {
            update.TypeField = new(report.Type, fromService: true);
        }

        if (report.Filters is not null)
        {
            update.FiltersField = new(report.Filters, fromService: true);
        }

        if (report.Format != default)
        {
            update.FormatField = new(report.Format, fromService: true);
        }

        if (report.Destination is not null and not WebhookDestination { SigningSecret: null })
        {
            update.DestinationField = new(report.Destination, fromService: true);
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
