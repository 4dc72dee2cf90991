using System.Text;
using HeloData.Reports.Models;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// A run that cannot be loaded whole is not loaded at all: a hostile artifact (a value of the wrong type deep into
/// the COPY, a file cut short, a value the table cannot keep exactly), an unknown report type, or a lost claim
/// rolls back everything, the delete of the window's earlier rows included, and the error names the run (and the
/// row and column when one is to blame).
/// </summary>
public sealed class TableSinkFailureTests : SinkTestBase
{
    private const string TrafficHeader = "date,subuser_id,product,bandwidth_bytes,requests\r\n";

    [Test]
    public async Task A_wrong_type_in_a_cell_mid_copy_rolls_back_and_names_the_run_row_and_column()
    {
        var (reportId, earlier) = await LoadEarlierRunAsync();
        // Far more than one COPY buffer of good rows first, so the server has received rows when the bad one comes.
        var hostile = RunOf(TrafficCsv(50_000, (40_000, "bandwidth_bytes", "12x")), "run_hostile_type", reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);

        var error = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink().HandleAsync(hostile, CancellationToken.None)))!;

        Assert.That(error.RunId, Is.EqualTo("run_hostile_type"));
        Assert.That((error.Column, error.RowNumber, error.Table), Is.EqualTo(("bandwidth_bytes", (long?)40_000, Table(ReportType.Traffic))));
        Assert.That(error.Message, Does.Contain("run_hostile_type").And.Contain("'bandwidth_bytes'").And.Contain("12x"));
        Assert.That(await RowsByRunAsync(ReportType.Traffic), Is.EqualTo(earlier), "the earlier run's rows, untouched: the delete rolled back too");
    }

    [Test]
    public async Task A_file_cut_short_rolls_back_and_names_the_run()
    {
        var (reportId, earlier) = await LoadEarlierRunAsync();
        var whole = TrafficCsv(20_000);
        var cut = whole[..(Array.LastIndexOf(whole, (byte)',', whole.Length - 20) - 3)];
        var csv = RunOf(cut, "run_cut_csv", reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);
        var parquetRun = await CollectAsync(await NewReportAsync(ReportType.Traffic, ReportFormat.Parquet), ReportType.Traffic, ReportFormat.Parquet, May1To7);
        using var parquetBytes = new MemoryStream();
        await using (var content = parquetRun.OpenRead())
        {
            await content.CopyToAsync(parquetBytes);
        }

        var parquet = RunOf(parquetBytes.ToArray()[..^100], "run_cut_parquet", reportId, ReportType.Traffic, ReportFormat.Parquet, May1To7);

        var csvError = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink().HandleAsync(csv, CancellationToken.None)))!;
        var parquetError = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink().HandleAsync(parquet, CancellationToken.None)))!;

        Assert.That(csvError.RunId, Is.EqualTo("run_cut_csv"));
        Assert.That(csvError.Message, Does.Contain("run_cut_csv").And.Contain("Row 20000 has 2 fields where the header has 5"));
        Assert.That(parquetError.Message, Does.Contain("run_cut_parquet"));
        Assert.That(parquetError.InnerException, Is.InstanceOf<Rows.ReportRowFormatException>());
        Assert.That(await RowsByRunAsync(ReportType.Traffic), Is.EqualTo(earlier));
    }

    [Test]
    public async Task A_timestamp_finer_than_a_microsecond_is_refused_not_rounded()
    {
        var csv = "timestamp,subuser_id,product,target_host,country,status_code,bytes,latency_ms\r\n"
            + "2026-05-01T03:05:46Z,su_1,isp,a.example.com,BR,200,10,5\r\n"
            + "2026-05-01T03:05:47.1234567Z,su_1,isp,a.example.com,BR,200,10,5\r\n";
        var run = RunOf(Encoding.UTF8.GetBytes(csv), "run_fine_time", "rep_fine", ReportType.Requests, ReportFormat.Csv, May1To7);

        var error = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink().HandleAsync(run, CancellationToken.None)))!;

        Assert.That((error.Column, error.RowNumber), Is.EqualTo(("timestamp", (long?)2)));
        Assert.That(error.Message, Does.Contain("run_fine_time").And.Contain("microsecond"));
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM {Table(ReportType.Requests)}"), Is.Zero);
    }

    [Test]
    public async Task A_report_type_without_a_table_is_refused_by_name_and_nothing_is_written()
    {
        var run = RunOf(Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n"), "run_sixth", "rep_sixth", new ReportType("carbon_footprint"), ReportFormat.Csv, May1To7);

        var error = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink().HandleAsync(run, CancellationToken.None)))!;

        Assert.That(error.RunId, Is.EqualTo("run_sixth"));
        Assert.That(error.Table, Is.Null);
        Assert.That(error.Message, Does.Contain("'carbon_footprint'").And.Contain("traffic, requests, invoices, subusers, isp_batches"));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'helodata_carbon%'"), Is.Zero);
    }

    [Test]
    public async Task A_lost_claim_rolls_the_rows_back()
    {
        var (reportId, earlier) = await LoadEarlierRunAsync();
        var run = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);

        var error = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => NewSink(finish: (_, _, _, _) => Task.FromResult(false)).HandleAsync(run, CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain(run.RunId).And.Contain("lost its claim"));
        Assert.That(await RowsByRunAsync(ReportType.Traffic), Is.EqualTo(earlier));
    }

    [Test]
    public async Task The_finish_record_commits_with_the_rows_or_rolls_back_with_them()
    {
        var (reportId, _) = await LoadEarlierRunAsync();
        await ExecuteAsync($"CREATE TABLE {Schema}.finished (run_id text)");
        var crashing = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);
        var finishing = await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7);

        // Written in the load's transaction; then the process "dies" before the commit.
        await Assert.ThrowsAsync<IOException>(() => NewSink(finish: async (connection, transaction, runId, ct) =>
        {
            await RecordAsync(connection, transaction, runId, ct);
            throw new IOException("killed before the commit");
        }).HandleAsync(crashing, CancellationToken.None));
        await NewSink(finish: async (connection, transaction, runId, ct) =>
        {
            await RecordAsync(connection, transaction, runId, ct);
            return true;
        }).HandleAsync(finishing, CancellationToken.None);

        Assert.That(await RowsByRunAsync(ReportType.Traffic), Has.Count.EqualTo(1).And.ContainKey(finishing.RunId));
        Assert.That((await RowsAsync($"SELECT run_id FROM {Schema}.finished")).Select(r => r[0]), Is.EqualTo(new[] { finishing.RunId }), "neither the crashed run's rows nor its record");
    }

    [Test]
    public async Task A_column_the_row_type_does_not_know_is_not_loaded_and_the_rest_is()
    {
        var csv = "date,subuser_id,product,bandwidth_bytes,requests,region\r\n2026-05-01,su_1,isp,100,7,eu-west\r\n";
        var run = RunOf(Encoding.UTF8.GetBytes(csv), "run_extra", "rep_extra", ReportType.Traffic, ReportFormat.Csv, May1To7);

        await NewSink().HandleAsync(run, CancellationToken.None);

        Assert.That(await ScalarAsync<long>($"SELECT bandwidth_bytes FROM {Table(ReportType.Traffic)}"), Is.EqualTo(100));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'region'", Schema), Is.Zero);
    }

    private async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"INSERT INTO {Schema}.finished (run_id) VALUES ($1)", connection, transaction);
        command.Parameters.AddWithValue(runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A traffic csv of <paramref name="rows"/> rows, one cell replaced when asked.</summary>
    private static byte[] TrafficCsv(int rows, (int Row, string Column, string Value)? bad = null)
    {
        var text = new StringBuilder(TrafficHeader);
        for (var i = 1; i <= rows; i++)
        {
            var bytes = bad is { } cell && cell.Row == i && cell.Column == "bandwidth_bytes" ? cell.Value : (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append("2026-05-0").Append(1 + (i % 7)).Append(",su_").Append(i % 97).Append(",residential,").Append(bytes).Append(',').Append(i % 13).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<(string ReportId, Dictionary<string, long> Rows)> LoadEarlierRunAsync()
    {
        var reportId = await NewReportAsync(ReportType.Traffic, ReportFormat.Csv);
        await NewSink().HandleAsync(await CollectAsync(reportId, ReportType.Traffic, ReportFormat.Csv, May1To7), CancellationToken.None);
        var rows = await RowsByRunAsync(ReportType.Traffic);
        Assert.That(rows, Has.Count.EqualTo(1));
        return (reportId, rows);
    }
}
