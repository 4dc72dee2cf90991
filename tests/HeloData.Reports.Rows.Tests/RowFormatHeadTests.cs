using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// The format of a run's artifact is told from its first bytes however the stream hands them over (a
/// replayed head, a slow pipe, one byte a read), and an empty artifact is a run with no rows, not an
/// artifact of unknown format.
/// </summary>
public sealed class RowFormatHeadTests
{
    private static readonly ReportRun RunWithoutUrl = ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed);

    [TestCaseSource(typeof(RowMockingTests), nameof(RowMockingTests.Artifacts))]
    public async Task A_stream_read_one_byte_at_a_time_without_a_url_is_read_by_its_content(string format, bool gzip)
    {
        var bytes = TestArtifact.Traffic.Bytes(new ReportFormat(format));
        var client = RowMockingTests.FakeArtifactClient.Create(() => new NetworkLikeStream(gzip ? TestArtifact.Gzip(bytes) : bytes, chunk: 1));

        var rows = await ReadAllAsync(client.ReadRowsAsync<TrafficRow>(RunWithoutUrl));

        Assert.That(rows.Select(r => r.SubuserId), Is.EqualTo(new[] { "su_27c4", "su_27c4", "su_4a08" }));
    }

    [Test]
    public async Task NDJSON_after_a_byte_order_mark_and_a_blank_line_read_one_byte_at_a_time_is_read_by_its_content()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "\n"u8, .. TestArtifact.Traffic.Ndjson()];
        var client = RowMockingTests.FakeArtifactClient.Create(() => new NetworkLikeStream(bytes, chunk: 1));

        var rows = await ReadAllAsync(client.ReadRowsAsync<TrafficRow>(RunWithoutUrl));

        Assert.That(rows, Has.Count.EqualTo(3));
    }

    [TestCase(null, false)]
    [TestCase(null, true)]
    [TestCase("https://downloads.example/run_1.csv?sig=1", false)]
    [TestCase("https://downloads.example/run_1.parquet?sig=1", false)]
    [TestCase("https://downloads.example/run_1.parquet.gz?sig=1", true)]
    [TestCase("https://downloads.example/run_1.bin?sig=1", false)]
    public async Task An_empty_artifact_is_a_run_with_no_rows_with_or_without_a_url(string? url, bool gzip)
    {
        var run = ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed, downloadUrl: url is null ? null : new Uri(url));
        var client = RowMockingTests.FakeArtifactClient.Create(() => new NetworkLikeStream(gzip ? TestArtifact.Gzip([]) : [], chunk: 1));

        Assert.That(await ReadAllAsync(client.ReadRowsAsync<TrafficRow>(run)), Is.Empty);
        Assert.That(await ReadAllAsync(client.ReadRowsAsync(run)), Is.Empty);
    }

    [Test]
    public async Task A_first_line_longer_than_the_head_is_decided_by_the_separators_the_head_holds()
    {
        // The line break comes after the 64 bytes looked at; the comma within them.
        var name = new string('x', 40);
        var bytes = Encoding.UTF8.GetBytes($"{name},{name}_2\n1,2\n");
        var client = RowMockingTests.FakeArtifactClient.Create(() => new NetworkLikeStream(bytes, chunk: 1));

        var rows = await ReadAllAsync(client.ReadRowsAsync(RunWithoutUrl));

        Assert.That(rows.Select(r => (r[name], r[name + "_2"])), Is.EqualTo(new[] { ("1", "2") }));
    }

    [Test]
    public async Task A_one_column_first_line_longer_than_the_head_is_decided_by_the_url_or_refused_by_name()
    {
        var name = new string('x', 100);
        var bytes = Encoding.UTF8.GetBytes($"{name}\n1\n");
        var client = RowMockingTests.FakeArtifactClient.Create(() => new NetworkLikeStream(bytes, chunk: 1));
        var withUrl = ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed, downloadUrl: new Uri("https://downloads.example/run_1.tsv"));

        var rows = await ReadAllAsync(client.ReadRowsAsync(withUrl));
        var error = await Assert.ThrowsAsync<ReportsException>(() => ReadAllAsync(client.ReadRowsAsync(RunWithoutUrl)));

        Assert.That(rows.Select(r => r[name]), Is.EqualTo(new[] { "1" }));
        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
    }

    private static async Task<List<TRow>> ReadAllAsync<TRow>(IAsyncEnumerable<TRow> rows)
    {
        var all = new List<TRow>();
        await foreach (var row in rows)
        {
            all.Add(row);
        }

        return all;
    }
}
