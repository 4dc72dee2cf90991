using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The check of a destination before it is sent: every field the page lists for its type is there
/// (<see cref="DestinationShape"/>), and a webhook URL is absolute https or http. Nothing more: e-mail,
/// bucket and ARN syntax are the service's to judge. An <see cref="UnknownDestination"/> passes untouched.
/// </summary>
internal static class DestinationRules
{
    /// <summary>Checks a destination by its kind.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Destination</c>.</param>
    /// <exception cref="ArgumentException">A field is missing; <see cref="ArgumentException.ParamName"/> names it, and the message never shows a value.</exception>
    internal static void AssertDestination(ReportDestination destination, string paramName)
    {
        if (DestinationShape.FindFault(destination, sending: true) is { } fault)
        {
            throw new ArgumentException(fault.Problem, $"{paramName}.{fault.Member}");
        }
    }
}
