using System.Globalization;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The checks the client runs on its arguments before it sends anything, so a mistake fails fast,
/// on the caller's line, without a round trip. They are the contract's list ("What a client checks
/// before sending") and nothing more: what the page rules out, or what cannot be sent at all. Name
/// length, bucket naming, ARN and e-mail syntax, page sizes and plan limits are the service's to judge,
/// and a value the service returned is always accepted back.
/// </summary>
/// <remarks>
/// Every failure is an <see cref="ArgumentException"/> (<see cref="ArgumentNullException"/> for a
/// missing value, <see cref="ArgumentOutOfRangeException"/> for a number out of range) whose
/// <see cref="ArgumentException.ParamName"/> is the path to the member at fault, such as
/// <c>report.Destination.Bucket</c>, and whose message quotes the bad value; never a secret's.
/// The service stays the final judge: passing here does not promise it will accept the request.
/// </remarks>
internal static class Argument
{
    /// <summary>Checks a report or run id before it becomes a URL path segment (<see cref="IdRules"/>).</summary>
    /// <param name="id">The id, such as <c>rep_01HX2K3PQ4M5</c>.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>reportId</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> breaks a rule of <see cref="IdRules"/>.</exception>
    internal static void AssertId(string? id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName, "An id is required, such as \"rep_01HX2K3PQ4M5\".");
        }

        // Every call checks an id, polling too: the quoted copy for a message is made only to throw.
        if (IdRules.FindProblem(id) is { } problem)
        {
            throw new ArgumentException($"The id {ValueText.Quote(id)} {problem}.", paramName);
        }
    }

    /// <summary>Checks a report to create: its name, type, format, filters, schedule, destination and extra properties.</summary>
    /// <param name="report">The report.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>report</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/>, or a required member, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A member breaks its rule.</exception>
    internal static void AssertNewReport(NewReport? report, string paramName)
    {
        if (report is null)
        {
            throw new ArgumentNullException(paramName, "A report to create is required.");
        }

        AssertName(report.Name, $"{paramName}.{nameof(NewReport.Name)}");
        ReportFieldRules.AssertValue(report.Type, $"{paramName}.{nameof(NewReport.Type)}", "ReportType.Traffic");
        if (report.Filters is { } filters)
        {
            ReportFieldRules.AssertFilters(filters, $"{paramName}.{nameof(NewReport.Filters)}");
        }

        if (report.Schedule is { } schedule)
        {
            ReportFieldRules.AssertSchedule(schedule, $"{paramName}.{nameof(NewReport.Schedule)}");
        }

        ReportFieldRules.AssertValue(report.Format, $"{paramName}.{nameof(NewReport.Format)}", "ReportFormat.Csv");
        if (report.Destination is { } destination)
        {
            AssertDestination(destination, $"{paramName}.{nameof(NewReport.Destination)}");
        }

        ReportFieldRules.AssertNoModelledKeys(report.AdditionalProperties, $"{paramName}.{nameof(NewReport.AdditionalProperties)}", nameof(NewReport));
    }

    /// <summary>
    /// Checks a merge-patch: it must change something, and each field it sets must be valid. A
    /// <see langword="null"/> schedule, filters or destination is legal (it removes them); a
    /// <see langword="null"/> name, type or format is not (a report cannot be without one).
    /// </summary>
    /// <param name="update">The update.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>update</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="update"/>, or a field it cannot remove, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The update is empty, or a field it sets breaks its rule.</exception>
    internal static void AssertUpdate(ReportUpdate? update, string paramName)
    {
        if (update is null)
        {
            throw new ArgumentNullException(paramName, "An update is required.");
        }

        // {} would cost a round trip and change nothing; far more likely a property was never assigned.
        if (!update.ChangedFields.Any())
        {
            throw new ArgumentException("The update sets no field, so it would change nothing. Assign the properties to change; to remove the schedule, assign Schedule = null.", paramName);
        }

        // A field FromReport copied from the service is sent back unjudged: the service accepted it once.
        if (update.NameField is { IsSet: true, FromService: false })
        {
            var name = $"{paramName}.{nameof(ReportUpdate.Name)}";
            AssertName(update.NameField.Value ?? throw CannotRemove(name, "name"), name);
        }

        if (update.TypeField is { IsSet: true, FromService: false })
        {
            var type = $"{paramName}.{nameof(ReportUpdate.Type)}";
            ReportFieldRules.AssertValue(update.TypeField.Value ?? throw CannotRemove(type, "type"), type, "ReportType.Traffic");
        }

        if (update.FiltersField is { IsSet: true, FromService: false, Value: { } filters })
        {
            ReportFieldRules.AssertFilters(filters, $"{paramName}.{nameof(ReportUpdate.Filters)}");
        }

        if (update.ScheduleField is { IsSet: true, FromService: false, Value: { } schedule })
        {
            ReportFieldRules.AssertSchedule(schedule, $"{paramName}.{nameof(ReportUpdate.Schedule)}");
        }

        if (update.FormatField is { IsSet: true, FromService: false })
        {
            var format = $"{paramName}.{nameof(ReportUpdate.Format)}";
            ReportFieldRules.AssertValue(update.FormatField.Value ?? throw CannotRemove(format, "format"), format, "ReportFormat.Csv");
        }

        if (update.DestinationField is { IsSet: true, FromService: false, Value: { } destination })
        {
            AssertDestination(destination, $"{paramName}.{nameof(ReportUpdate.Destination)}");
        }

        ReportFieldRules.AssertNoModelledKeys(update.AdditionalProperties, $"{paramName}.{nameof(ReportUpdate.AdditionalProperties)}", nameof(ReportUpdate));
    }

    /// <summary>Checks a run window: either end may be left out, but it may not end before it starts.</summary>
    /// <param name="window">The window; <see langword="null"/> lets the service pick the default one.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>window</c>.</param>
    /// <exception cref="ArgumentException"><see cref="RunWindow.From"/> is after <see cref="RunWindow.To"/>.</exception>
    internal static void AssertWindow(RunWindow? window, string paramName)
    {
        if (window is { From: { } from, To: { } to } && from > to)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The run window {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ends before it starts; From must be on or before To (both days are included)."),
                paramName);
        }
    }

    // Only presence: the page sets no length or alphabet for a name, so the service judges the rest.
    private static void AssertName(string? name, string paramName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw name is null
                ? new ArgumentNullException(paramName, "A report needs a name, such as \"weekly-traffic\".")
                : new ArgumentException("The report name is empty; a report needs a name, such as \"weekly-traffic\".", paramName);
        }
    }

    // Every field the page lists for the destination's type is there (DestinationShape), and a webhook
    // URL is absolute https or http. Nothing more: e-mail, bucket and ARN syntax are the service's. An
    // UnknownDestination passes untouched. The message names the member, never a value.
    private static void AssertDestination(ReportDestination destination, string paramName)
    {
        if (DestinationShape.FindFault(destination, sending: true) is { } fault)
        {
            throw new ArgumentException(fault.Problem, $"{paramName}.{fault.Member}");
        }
    }

    private static ArgumentNullException CannotRemove(string paramName, string field) =>
        new(paramName, $"A report's {field} cannot be removed, so the update cannot set it to null; assign a new {field}, or leave it unassigned to keep the current one.");
}
