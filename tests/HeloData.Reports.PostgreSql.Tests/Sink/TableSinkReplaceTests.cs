using HeloData.Reports.Models;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// Loading a run replaces the rows any earlier run of the same report and window left, and only those: a second
/// run of a window, a run delivered again, and two runs of one window loaded at once each leave one run's rows.
/// </summary>
public sealed class TableSinkReplaceTests : SinkTestBase
{
    private static readonly RunWindow May8To14 = new() { From = new DateOnly(2026, 5, 8), To = new DateOnly(2026, 5, 14) };

    [Test]
    public async Task A_second_run_of_the_same_report_and_window_replaces_the_firsts_rows_and_nothing_else()
    {
        var reportId = await NewReportAsync(ReportType.Traffic, ReportFormat.Csv);
        var otherReport = await NewReportAsync(ReportType.Traffic, ReportFormat.Csv);
        var first = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);
        var second = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);
        var otherWindow = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May8To14);
        var otherReports = await CollectAsync(otherReport, ReportType.Traffic, ReportFormat.Csv, May1To7);
        var sink = NewSink();

        foreach (var run in new[] { first, otherWindow, otherReports, second })
        {
            await sink.HandleAsync(run, CancellationToken.None);
        }

        var byRun = await RowsByRunAsync(ReportType.Traffic);
        Assert.That(byRun.Keys, Is.EquivalentTo(new[] { second.RunId, otherWindow.RunId, otherReports.RunId }), "the first run's rows are gone, the others' are kept");
        Assert.That(byRun[second.RunId], Is.EqualTo(await CountAsync(second)));
        Assert.That(byRun[otherWindow.RunId], Is.EqualTo(await CountAsync(otherWindow)));
    }

    [Test]
    public async Task A_run_delivered_again_leaves_its_rows_once()
    {
        var reportId = await NewReportAsync(ReportType.Invoices, ReportFormat.Parquet);
        var run = await CollectAsync(reportId, ReportType.Invoices, ReportFormat.Parquet, May1To7);
        var sink = NewSink();

        await sink.HandleAsync(run, CancellationToken.None);
        await NewSink().HandleAsync(run, CancellationToken.None);
        await sink.HandleAsync(run, CancellationToken.None);

        Assert.That(await RowsByRunAsync(ReportType.Invoices), Is.EqualTo(new Dictionary<string, long> { [run.RunId] = await CountAsync(run) }));
        Assert.That(
            await ScalarAsync<long>($"SELECT count(*) FROM (SELECT row_number FROM {Table(ReportType.Invoices)} GROUP BY row_number HAVING count(*) > 1) twice"),
            Is.Zero,
            "no row twice");
    }

    [Test]
    public async Task Runs_of_one_window_loaded_at_once_leave_one_runs_rows()
    {
        var reportId = await NewReportAsync(ReportType.Requests, ReportFormat.Csv);
        var runs = new List<Collector.CollectedRun>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await CollectAsync(reportId, ReportType.Requests, ReportFormat.Csv, May1To7));
        }

        // Separate sinks, as separate instances would be; each load in its own transaction, all at once.
        await Task.WhenAll(runs.Select(run => Task.Run(() => NewSink().HandleAsync(run, CancellationToken.None))));

        var byRun = await RowsByRunAsync(ReportType.Requests);
        Assert.That(byRun, Has.Count.EqualTo(1), "one run's rows; without the window's lock each load deletes nothing and all four stay");
        var survivor = runs.Single(run => run.RunId == byRun.Keys.Single());
        Assert.That(byRun[survivor.RunId], Is.EqualTo(await CountAsync(survivor)));
    }

    private static async Task<long> CountAsync(Collector.CollectedRun run)
    {
        long rows = 0;
        await foreach (var _ in run.ReadRowsAsync<Rows.ReportRow>())
        {
            rows++;
        }

        return rows;
    }
}
