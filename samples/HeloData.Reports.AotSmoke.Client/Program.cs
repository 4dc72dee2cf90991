// The Native AOT smoke test of the client alone (HeloData.Reports, without HeloData.Reports.Rows):
// create → run → wait → download to a file → open the artifact as a stream → delete, against the
// service named by HELODATA_BASE_URL and HELODATA_API_KEY (in CI, a sandbox in another process). Its
// publish must have no trim/AOT warning at all, with no feature switch. Exit 0 only when every step succeeded.
using HeloData.Reports;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

// AddHeloReports() takes the key and the address from HELODATA_API_KEY and HELODATA_BASE_URL itself, so its
// environment fallback runs under Native AOT too; without them, resolving the client names what to set.
var services = new ServiceCollection();
services.AddHeloReports();
await using var provider = services.BuildServiceProvider();
var reports = provider.GetRequiredService<IReportsClient>();
var fastWait = new WaitForCompletionOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MinPollInterval = TimeSpan.FromMilliseconds(200) };

try
{
    var report = await reports.CreateReportAsync(new NewReport("aot-smoke-client", ReportType.Traffic, ReportFormat.Csv));
    try
    {
        var run = await reports.RunReportAndWaitAsync(report.Id, new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) }, fastWait);
        var path = Path.Combine(Path.GetTempPath(), $"aot-smoke-client-{run.RunId}.csv");
        var download = await reports.DownloadToFileAsync(run, path);
        string[] saved;
        try
        {
            saved = await File.ReadAllLinesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }

        // The same artifact through OpenReadAsync: the same lines.
        var opened = new List<string>();
        await using (var stream = await reports.OpenReadAsync(run))
        using (var reader = new StreamReader(stream))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                opened.Add(line);
            }
        }

        if (download.Bytes == 0 || saved.Length < 2 || !saved[0].StartsWith("date,", StringComparison.Ordinal) || !saved.SequenceEqual(opened))
        {
            Console.Error.WriteLine($"The artifact is not the csv expected: {download.Bytes} bytes, {saved.Length} lines saved, {opened.Count} opened.");
            return 1;
        }

        Console.WriteLine($"AOT client: report {report.Id}, run {run.RunId} {run.Status}, {download.Bytes} bytes of csv, {saved.Length - 1} data lines (saved = opened).");
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
