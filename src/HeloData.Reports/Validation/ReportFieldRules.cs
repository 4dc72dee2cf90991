using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>The rules for a report's fields other than its name and destination.</summary>
internal static class ReportFieldRules
{
    // CLR names, turned into wire names by the JSON context's naming policy (as ReportUpdateConverter
    // does), so the snake_case assumption stays in one place.
    private static readonly string[] ModelledFields =
    [
        nameof(NewReport.Name),
        nameof(NewReport.Type),
        nameof(NewReport.Filters),
        nameof(NewReport.Schedule),
        nameof(NewReport.Format),
        nameof(NewReport.Destination),
    ];

    /// <summary>Checks that a string-backed value carries a value: <c>default</c> would be sent as JSON <c>null</c>.</summary>
    /// <typeparam name="T">The value type, such as <see cref="ReportType"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Type</c>.</param>
    /// <param name="example">A valid value to suggest, such as <c>ReportType.Traffic</c>.</param>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    /// <remarks>Any other string is the service's to judge: it may know a value this SDK does not.</remarks>
    internal static void AssertValue<T>(T value, string paramName, string example)
        where T : struct, IExtensibleEnum<T>
    {
        if (value.WireValue is null)
        {
            throw new ArgumentException($"The {typeof(T).Name} is not set (it is default({typeof(T).Name}), which has no value); use a value such as {example}.", paramName);
        }
    }

    /// <summary>Checks that every listed product carries a value.</summary>
    /// <param name="filters">The filters.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Filters</c>.</param>
    /// <exception cref="ArgumentException">A product is <c>default</c>.</exception>
    internal static void AssertFilters(ReportFilters filters, string paramName)
    {
        if (filters.Products is not { } products)
        {
            return;
        }

        for (var i = 0; i < products.Count; i++)
        {
            AssertValue(products[i], $"{paramName}.Products[{i}]", "ReportProduct.Residential");
        }
    }

    /// <summary>Checks a schedule with <see cref="ReportSchedule"/>'s rules.</summary>
    /// <param name="schedule">The cron expression, exactly as it would be sent.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Schedule</c>.</param>
    /// <exception cref="ArgumentException">The schedule is not standard 5-field cron.</exception>
    internal static void AssertSchedule(string schedule, string paramName)
    {
        if (!ReportSchedule.TryParse(schedule, out _, out var error))
        {
            throw new ArgumentException(error, paramName);
        }
    }

    /// <summary>Checks that no extra property would be sent under the name of a modelled field.</summary>
    /// <param name="properties">The request's additional properties.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>update.AdditionalProperties</c>.</param>
    /// <param name="owner">The type that models the fields, for the message: <c>NewReport</c> or <c>ReportUpdate</c>.</param>
    /// <exception cref="ArgumentException">A key is a modelled field's name.</exception>
    internal static void AssertNoModelledKeys(IDictionary<string, JsonElement> properties, string paramName, string owner)
    {
        foreach (var key in properties.Keys)
        {
            // Exact names, as JSON's are: a report read from the service may carry an unknown "Name"
            // beside its "name", and it must be accepted back unchanged.
            var field = Array.Find(ModelledFields, f => string.Equals(WireName(f), key, StringComparison.Ordinal));
            if (field is not null)
            {
                throw new ArgumentException(
                    $"The additional property {ValueText.Quote(key)} has the name of the modelled field \"{WireName(field)}\", so the field would be sent twice; set {owner}.{field} instead and remove the key.",
                    paramName);
            }
        }
    }

    private static string WireName(string clrName) =>
        ReportsJsonContext.Default.Options.PropertyNamingPolicy!.ConvertName(clrName);
}
