using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.Collector.Tests;

/// <summary><c>ReportsCollectorModelFactory.CollectedRun</c>: a run for a user's handler test, reading a file the test wrote.</summary>
public sealed class ModelFactoryTests
{
    [Test]
    public async Task A_made_run_reads_its_file_as_bytes_and_as_typed_rows()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("traffic.csv");
        await File.WriteAllTextAsync(path, "date,subuser_id,product,bandwidth_bytes,requests\n2026-06-01,su_1,residential,1500,3\n");

        var run = ReportsCollectorModelFactory.CollectedRun("run_1", "rep_1", ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 1), new(2026, 6, 7), path, attempt: 2, mayHaveBeenHandled: true);
        var rows = await run.ReadRowsAsync<TrafficRow>().ToListAsync();

        Assert.That((run.RunId, run.ReportId, run.Window.From, run.Window.To, run.Attempt, run.MayHaveBeenHandled, run.Length), Is.EqualTo(("run_1", "rep_1", (DateOnly?)new DateOnly(2026, 6, 1), (DateOnly?)new DateOnly(2026, 6, 7), 2, true, new FileInfo(path).Length)));
        Assert.That(rows.Single().BandwidthBytes, Is.EqualTo(1500));
        Assert.That(File.Exists(path), Is.True, "the file is the test's, left as it was");
    }

    [Test]
    public void A_missing_file_or_a_backward_window_is_refused()
    {
        Assert.That(() => ReportsCollectorModelFactory.CollectedRun("run_1", "rep_1", ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 1), new(2026, 6, 7), "/nonexistent/x.csv"), Throws.TypeOf<FileNotFoundException>());
        Assert.That(() => ReportsCollectorModelFactory.CollectedRun("run_1", "rep_1", ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 7), new(2026, 6, 1), "x"), Throws.ArgumentException);
    }
}
