// A Native AOT smoke test of HeloData.Reports: create → run → wait → download → delete, against the
// service named by HELODATA_BASE_URL and HELODATA_API_KEY (in CI, a sandbox in another process).
// Exit 0 only when every step succeeded.
using HeloData.Reports;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

var baseUrl = Environment.GetEnvironmentVariable("HELODATA_BASE_URL");
var apiKey = Environment.GetEnvironmentVariable("HELODATA_API_KEY");
if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(apiKey))
{
    Console.Error.WriteLine("Set HELODATA_BASE_URL and HELODATA_API_KEY.");
    return 2;
}

var services = new ServiceCollection();
services.AddHeloReports(o =>
{
    o.ApiKey = apiKey;
    o.BaseAddress = new Uri(baseUrl);
});
await using var provider = services.BuildServiceProvider();
var reports = provider.GetRequiredService<IReportsClient>();

try
{
    var report = await reports.CreateReportAsync(new NewReport("aot-smoke", ReportType.Traffic, ReportFormat.Parquet));
    try
    {
        var run = await reports.RunReportAndWaitAsync(
            report.Id,
            new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) },
            new WaitForCompletionOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MinPollInterval = TimeSpan.FromMilliseconds(200) });
        var path = Path.Combine(Path.GetTempPath(), $"aot-smoke-{run.RunId}.parquet");
        var download = await reports.DownloadToFileAsync(run, path);
        var magic = new byte[4];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(magic);
        }

        File.Delete(path);
        if (download.Bytes == 0 || System.Text.Encoding.ASCII.GetString(magic) != "PAR1")
        {
            Console.Error.WriteLine("The artifact is not a parquet file.");
            return 1;
        }

        Console.WriteLine($"AOT smoke: report {report.Id}, run {run.RunId} {run.Status}, {download.Bytes} bytes of parquet.");
    }
    finally
    {
        await reports.DeleteReportAsync(report.Id);
    }

    return 0;
}
catch (ReportsException exception)
{
    Console.Error.WriteLine($"Failed: {exception.ErrorCode}: {exception.Message}");
    return 1;
}
