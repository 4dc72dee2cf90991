using HeloData.Reports.Models;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.WorkerSample;

/// <summary>
/// Runs an invoices report for last month, waits for it, saves it, and stops the application. A real
/// deployment would run this on a schedule; the steps are the same.
/// </summary>
public sealed partial class InvoiceExportWorker(
    IReportsClient reports,
    IOptions<InvoiceExportOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<InvoiceExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var path = await ExportLastMonthAsync(stoppingToken);
            Exported(logger, path);
        }
        catch (ReportsException exception)
        {
            ExportFailed(logger, exception.ErrorCode.ToString(), exception.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<string> ExportLastMonthAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var firstOfThisMonth = new DateOnly(today.Year, today.Month, 1);
        var window = new RunWindow { From = firstOfThisMonth.AddMonths(-1), To = firstOfThisMonth.AddDays(-1) };

        var report = await reports.CreateReportAsync(new NewReport("monthly-invoices", ReportType.Invoices, ReportFormat.Csv), cancellationToken);
        try
        {
            var run = await reports.RunReportAndWaitAsync(report.Id, window, cancellationToken: cancellationToken);
            var folder = Directory.CreateDirectory(options.Value.OutputDirectory);
            var path = Path.Combine(folder.FullName, $"invoices-{window.From:yyyy-MM}.csv");
            await reports.DownloadToFileAsync(run, path, cancellationToken);
            return path;
        }
        finally
        {
            await reports.DeleteReportAsync(report.Id, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported last month's invoices to {Path}")]
    private static partial void Exported(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoice export failed: {ErrorCode}: {Reason}")]
    private static partial void ExportFailed(ILogger logger, string errorCode, string reason);
}
