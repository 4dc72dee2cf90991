using System.Globalization;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The record a delivery's claim is written with (<see cref="ICollectorStateStore.TryClaimAsync"/> records a run
/// with its report and window, and only the run id is signed). With the client registered, the run is read from the
/// service by its signed id, so the record can be trusted (the collector's gap finder reads the windows recorded).
/// Without it, the unsigned <c>helodata-report-id</c> and <c>helodata-window-*</c> headers fill the record: nothing
/// reads it then but a person looking at the store, since the collector, the only reader of windows, needs the client.
/// </summary>
internal static class DeliveryRunRecord
{
    // What an unsigned record says when the headers are missing or malformed: the store needs a report id and a window.
    private const string UnknownReport = "unknown";

    /// <summary>The run as the service describes it, or <see langword="null"/> when no client is registered.</summary>
    /// <exception cref="ReportsException">The service could not be asked, or its run has no report or window.</exception>
    public static async Task<ReportRun?> ReadTrustedAsync(IServiceProvider services, string runId, CancellationToken cancellationToken)
    {
        if (services.GetService<IReportsClient>() is not { } client)
        {
            return null;
        }

        var run = await client.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(run.ReportId) || run.From is null || run.To is null || run.From > run.To)
        {
            throw new ReportsException(
                $"The service's run {runId} has no report or no window, and a delivered run is recorded by them; the delivery is answered 503 and tried again.",
                ReportsErrorCode.InvalidResponse,
                runId: runId);
        }

        return run;
    }

    /// <summary>The record of <paramref name="delivery"/>: from the service's run when there is one, else from the unsigned headers.</summary>
    public static RunRecord Of(ReportDelivery delivery, ReportRun? trusted) =>
        trusted is not null
            ? new RunRecord { RunId = delivery.RunId, ReportId = trusted.ReportId, From = trusted.From!.Value, To = trusted.To!.Value }
            : Unverified(delivery.RunId, delivery.Unverified);

    private static RunRecord Unverified(string runId, UnverifiedDeliveryHeaders headers)
    {
        var report = string.IsNullOrWhiteSpace(headers.ReportId) ? UnknownReport : headers.ReportId;
        return Day(headers.WindowFrom) is { } from && Day(headers.WindowTo) is { } to && from <= to
            ? new RunRecord { RunId = runId, ReportId = report, From = from, To = to }
            : new RunRecord { RunId = runId, ReportId = report, From = DateOnly.MinValue, To = DateOnly.MinValue };
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
