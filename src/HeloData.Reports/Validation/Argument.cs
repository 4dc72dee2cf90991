using System.Globalization;
using HeloData.Reports.Models;

namespace HeloData.Reports.Validation;

/// <summary>
/// The checks the client runs on its arguments before it sends anything, so a mistake fails fast,
/// on the caller's line, without a round trip.
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
    /// <summary>Checks a report or run id before it becomes a URL path segment.</summary>
    /// <param name="id">The id, such as <c>rep_01HX2K3PQ4M5</c>.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>reportId</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, blank, a dot-segment or has a control character.</exception>
    internal static void AssertId(string? id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName, "An id is required, such as \"rep_01HX2K3PQ4M5\".");
        }

        // Every call checks an id, polling too: the quoted copy for a message is made only to throw.
        if (string.IsNullOrWhiteSpace(id))
        {
            // "reports/" + "" is "reports/": the request would reach the list endpoint instead.
            throw new ArgumentException($"The id {ValueText.Quote(id)} is empty or blank; an id is one URL path segment, and without one the request would address a different endpoint.", paramName);
        }

        if (id is "." or "..")
        {
            throw new ArgumentException($"The id {ValueText.Quote(id)} cannot be used: in a URL path \".\" and \"..\" are dot-segments that collapse the path (\"reports/..\" becomes the parent), so the request would reach a different endpoint.", paramName);
        }

        if (ValueText.TryFindControl(id, out var control))
        {
            throw new ArgumentException($"The id {ValueText.Quote(id)} contains {control}; ids the service issues never do.", paramName);
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

        NameRules.AssertName(report.Name, $"{paramName}.{nameof(NewReport.Name)}");
        ReportRules.AssertValue(report.Type, $"{paramName}.{nameof(NewReport.Type)}", "ReportType.Traffic");
        if (report.Filters is { } filters)
        {
            ReportRules.AssertFilters(filters, $"{paramName}.{nameof(NewReport.Filters)}");
        }

        if (report.Schedule is { } schedule)
        {
            ReportRules.AssertSchedule(schedule, $"{paramName}.{nameof(NewReport.Schedule)}");
        }

        ReportRules.AssertValue(report.Format, $"{paramName}.{nameof(NewReport.Format)}", "ReportFormat.Csv");
        if (report.Destination is { } destination)
        {
            DestinationRules.AssertDestination(destination, $"{paramName}.{nameof(NewReport.Destination)}");
        }

        ReportRules.AssertNoModelledKeys(report.AdditionalProperties, $"{paramName}.{nameof(NewReport.AdditionalProperties)}", nameof(NewReport));
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
        if (update.IsEmpty)
        {
            throw new ArgumentException("The update sets no field, so it would change nothing. Assign the properties to change; to remove the schedule, assign Schedule = null.", paramName);
        }

        if (update.NameField.IsSet)
        {
            var name = $"{paramName}.{nameof(ReportUpdate.Name)}";
            NameRules.AssertName(update.NameField.Value ?? throw CannotRemove(name, "name"), name);
        }

        if (update.TypeField.IsSet)
        {
            var type = $"{paramName}.{nameof(ReportUpdate.Type)}";
            ReportRules.AssertValue(update.TypeField.Value ?? throw CannotRemove(type, "type"), type, "ReportType.Traffic");
        }

        if (update.FiltersField is { IsSet: true, Value: { } filters })
        {
            ReportRules.AssertFilters(filters, $"{paramName}.{nameof(ReportUpdate.Filters)}");
        }

        if (update.ScheduleField is { IsSet: true, Value: { } schedule })
        {
            ReportRules.AssertSchedule(schedule, $"{paramName}.{nameof(ReportUpdate.Schedule)}");
        }

        if (update.FormatField.IsSet)
        {
            var format = $"{paramName}.{nameof(ReportUpdate.Format)}";
            ReportRules.AssertValue(update.FormatField.Value ?? throw CannotRemove(format, "format"), format, "ReportFormat.Csv");
        }

        if (update.DestinationField is { IsSet: true, Value: { } destination })
        {
            DestinationRules.AssertDestination(destination, $"{paramName}.{nameof(ReportUpdate.Destination)}");
        }

        ReportRules.AssertNoModelledKeys(update.AdditionalProperties, $"{paramName}.{nameof(ReportUpdate.AdditionalProperties)}", nameof(ReportUpdate));
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

    /// <summary>Checks a page size.</summary>
    /// <param name="limit">The page size; <see langword="null"/> lets the service choose.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>limit</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    internal static void AssertPageLimit(int? limit, string paramName)
    {
        // No upper bound: the service's maximum is not published, and it can cap a page itself.
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"The page limit {limit} is less than 1; ask for at least one report per page, or pass null to let the service choose.");
        }
    }

    /// <summary>Checks a page cursor.</summary>
    /// <param name="cursor">The cursor; <see langword="null"/> for the first page.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>cursor</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is empty or blank.</exception>
    internal static void AssertCursor(string? cursor, string paramName)
    {
        if (cursor is not null && string.IsNullOrWhiteSpace(cursor))
        {
            throw new ArgumentException($"The cursor {ValueText.Quote(cursor)} is empty or blank; pass null for the first page, or the NextCursor of the previous page.", paramName);
        }
    }

    private static ArgumentNullException CannotRemove(string paramName, string field) =>
        new(paramName, $"A report's {field} cannot be removed, so the update cannot set it to null; assign a new {field}, or leave it unassigned to keep the current one.");
}
