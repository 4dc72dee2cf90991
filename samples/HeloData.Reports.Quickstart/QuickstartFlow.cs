using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.Quickstart;

/// <summary>The quickstart's steps: create, preview, run, wait, download, show (as text, then as typed rows), and always delete.</summary>
internal sealed class QuickstartFlow(IReportsClient reports, TextWriter output)
{
    // The published example, exactly.
    private static NewReport WeeklyTraffic() => new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
    {
        Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
        Schedule = "0 9 * * MON",
        Destination = new EmailDestination("ops@acme.com"),
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var report = await reports.CreateReportAsync(WeeklyTraffic(), cancellationToken);
        output.WriteLine($"1. Created report {report.Id} '{report.Name}' ({report.Type}, {report.Format}, schedule '{report.Schedule}')");
        try
        {
            await RunReportAsync(report, cancellationToken);
        }
        finally
        {
            // Delete even when a step failed, and even when cancelled: the report must not linger.
            await reports.DeleteReportAsync(report.Id, CancellationToken.None);
            output.WriteLine($"7. Deleted report {report.Id}");
        }
    }

    private async Task RunReportAsync(Report report, CancellationToken cancellationToken)
    {
        var next = ReportSchedule.Parse(report.Schedule!).GetNextOccurrences(DateTimeOffset.UtcNow, 3);
        output.WriteLine($"2. Next 3 scheduled runs: {string.Join(", ", next.Select(t => t.ToString("ddd yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))}");

        var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };
        var accepted = await reports.RunReportAsync(report.Id, window, cancellationToken);
        output.WriteLine($"3. Started run {accepted.RunId} for {window}");

        output.Write("4. Waiting:");
        var progress = new InlineProgress<ReportRun>(run => output.Write($" {run.Status}"));
        var done = await reports.WaitForCompletionAsync(accepted.RunId, new WaitForCompletionOptions { Progress = progress }, cancellationToken);
        output.WriteLine();

        var path = Path.Combine(Path.GetTempPath(), $"{report.Name}-{done.RunId}.csv");
        var download = await reports.DownloadToFileAsync(done, path, cancellationToken: cancellationToken);
        output.WriteLine($"5. Downloaded {download.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes to {path}");

        output.WriteLine("6. First lines:");
        foreach (var line in File.ReadLines(path).Take(5))
        {
            output.WriteLine($"   {line}");
        }

        // The same artifact as typed rows, straight from the download host: no parsing by hand.
        var bandwidth = new Dictionary<ReportProduct, long>();
        long rows = 0;
        await foreach (var row in reports.ReadRowsAsync<TrafficRow>(done, cancellationToken))
        {
            rows++;
            bandwidth[row.Product] = bandwidth.GetValueOrDefault(row.Product) + row.BandwidthBytes;
        }

        output.WriteLine($"   Read as TrafficRow: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows, bandwidth per product:");
        foreach (var (product, bytes) in bandwidth.OrderByDescending(total => total.Value))
        {
            output.WriteLine($"     {product,-12} {HumanBytes(bytes),10} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        }
    }

    // Binary units with one decimal, as `ls -h` shows sizes; the exact count follows in the line.
    private static string HumanBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B"
            : $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    // Progress<T> would post to the thread pool and print out of order; this reports in line.
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
