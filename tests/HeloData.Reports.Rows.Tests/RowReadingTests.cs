using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>Streaming, cancellation, who disposes the stream, and the arguments (the temporary parquet copy: <see cref="ParquetSpoolTests"/>).</summary>
public sealed class RowReadingTests
{
    [TestCase("csv")]
    [TestCase("tsv")]
    [TestCase("json")]
    public async Task Text_rows_are_yielded_before_the_rest_of_the_body_arrives(string format)
    {
        var bytes = TestArtifact.Traffic.Repeated(10_000).Bytes(new ReportFormat(format));
        var gate = new TaskCompletionSource();

        // Sep fills its buffer (tens of KiB) before it parses, so rows come a block at a time: the first
        // 128 KiB are let through and the rest of the megabyte is held back until the first row is out.
        var heldBackFrom = Encoding.UTF8.GetString(bytes).IndexOf("50982", StringComparison.Ordinal) + 128 * 1024;
        Assert.That(bytes, Has.Length.GreaterThan(1_000_000));
        var stream = new NetworkLikeStream(bytes, chunk: 16) { Gate = gate, GateAt = heldBackFrom };

        await using var rows = ReportRows.ReadAsync<TrafficRow>(stream, new ReportFormat(format)).GetAsyncEnumerator();

        // The rest of the body is held back until the first row is out; a reader that waited for it would never get here.
        Assert.That(await rows.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(rows.Current.Requests, Is.EqualTo(50982));
        gate.SetResult();
        Assert.That(await rows.MoveNextAsync(), Is.True);
        Assert.That(rows.Current.RowNumber, Is.EqualTo(2));
    }

    [TestCase("csv")]
    [TestCase("json")]
    public async Task Canceling_a_text_read_stops_it(string format)
    {
        using var cancel = new CancellationTokenSource();
        var stream = new NetworkLikeStream(TestArtifact.Traffic.Bytes(new ReportFormat(format)), chunk: 8);
        var read = 0;

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (var _ in ReportRows.ReadAsync<TrafficRow>(stream, new ReportFormat(format), cancel.Token))
            {
                read++;
                await cancel.CancelAsync();
            }
        });

        Assert.That(read, Is.EqualTo(1));
        Assert.That(stream.Disposed, Is.True);
    }

    [Test]
    public async Task The_stream_is_disposed_when_the_enumeration_ends_even_early()
    {
        var stream = new NetworkLikeStream(TestArtifact.Traffic.Csv());

        await foreach (var _ in ReportRows.ReadAsync<TrafficRow>(stream, ReportFormat.Csv))
        {
            break;
        }

        Assert.That(stream.Disposed, Is.True);
    }

    [TestCase("csv")]
    [TestCase("parquet")]
    public async Task With_leaveOpen_the_stream_stays_open(string format)
    {
        var stream = new MemoryStream(TestArtifact.Traffic.Bytes(new ReportFormat(format)));
        var count = 0;

        await foreach (var _ in ReportRows.ReadAsync<TrafficRow>(stream, new ReportFormat(format), leaveOpen: true, CancellationToken.None))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
        Assert.That(stream.CanRead, Is.True, "not disposed");
    }

    [Test]
    public void Bad_arguments_are_refused_at_the_call()
    {
        Assert.Throws<ArgumentNullException>(() => ReportRows.ReadAsync<ReportRow>(null!, ReportFormat.Csv));
        var unreadable = new MemoryStream();
        unreadable.Dispose();
        Assert.That(Assert.Throws<ArgumentException>(() => ReportRows.ReadAsync<ReportRow>(unreadable, ReportFormat.Csv))!.ParamName, Is.EqualTo("artifact"));
        var format = Assert.Throws<ArgumentException>(() => ReportRows.ReadAsync<ReportRow>(new MemoryStream(), new ReportFormat("xlsx")));
        Assert.That(format!.ParamName, Is.EqualTo("format"));
        Assert.That(format.Message, Does.Contain("'xlsx'"));
    }

    [Test]
    public async Task Format_names_are_matched_as_the_wire_spells_them_in_any_case()
    {
        var count = 0;
        await foreach (var _ in ReportRows.ReadAsync<TrafficRow>(new MemoryStream(TestArtifact.Traffic.Csv()), new ReportFormat("CSV")))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
    }
}
