using System.Globalization;
using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// How an application tests its own row-reading code: a fake client whose only answer is
/// <see cref="IReportsClient.OpenReadAsync"/> with a stream of an artifact, plain or gzip, in any format.
/// </summary>
public sealed class RowMockingTests
{
    private static readonly TrafficRow[] Rows =
    [
        ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Residential, 4_082_297_694, 50_982, rowNumber: 1),
        ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Mobile, 475_903_850, 9_017, rowNumber: 2),
        ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 2), "su_4a08", ReportProduct.Isp, 8_892_276_666, 102_755, rowNumber: 3),
    ];

    /// <summary>Each format, plain and gzip.</summary>
    internal static IEnumerable<TestCaseData> Artifacts() =>
        from format in TestArtifact.Formats
        from gzip in new[] { false, true }
        select new TestCaseData(format.ToString(), gzip).SetArgDisplayNames(format.ToString(), gzip ? "gzip" : "plain");

    [TestCaseSource(nameof(Artifacts))]
    public async Task Typed_row_code_runs_against_a_mocked_OpenReadAsync_whatever_the_format(string format, bool gzip)
    {
        var client = FakeArtifactClient.Create(Artifact(format, gzip));

        // No download URL: the format comes from the bytes alone.
        var totals = await BandwidthBySubuserAsync(client, ReportsModelFactory.ReportRun(status: RunStatus.Completed));

        Assert.That(totals, Is.EqualTo(new Dictionary<string, long> { ["su_27c4"] = 4_558_201_544, ["su_4a08"] = 8_892_276_666 }));
    }

    [TestCaseSource(nameof(Artifacts))]
    public async Task The_rows_read_from_a_mocked_stream_are_the_rows_the_factory_builds(string format, bool gzip)
    {
        var client = FakeArtifactClient.Create(Artifact(format, gzip));
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: new Uri($"https://downloads.example/run_1.{Extension(format)}{(gzip ? ".gz" : string.Empty)}?sig=1"));

        var read = new List<string>();
        await foreach (var row in client.ReadRowsAsync<TrafficRow>(run))
        {
            read.Add(row.ToString());
        }

        Assert.That(read, Is.EqualTo(Rows.Select(r => r.ToString())));
    }

    [Test]
    public async Task Code_reading_plain_rows_by_column_name_sees_the_same_values()
    {
        var client = FakeArtifactClient.Create(Artifact("csv", gzip: false));
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed);

        var byName = new Dictionary<string, long>();
        await foreach (var row in client.ReadRowsAsync(run))
        {
            var subuser = row["subuser_id"];
            byName[subuser] = byName.GetValueOrDefault(subuser) + long.Parse(row["bandwidth_bytes"], CultureInfo.InvariantCulture);
        }

        Assert.That(byName, Is.EqualTo(await BandwidthBySubuserAsync(client, run)));
    }

    [Test]
    public void A_null_client_or_run_is_refused_at_the_call()
    {
        var client = FakeArtifactClient.Create([]);

        Assert.That(() => ((IReportsClient)null!).ReadRowsAsync<TrafficRow>(ReportsModelFactory.ReportRun()), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("reports"));
        Assert.That(() => client.ReadRowsAsync(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("run"));
    }

    // The application code under test: it only knows IReportsClient.
    private static async Task<Dictionary<string, long>> BandwidthBySubuserAsync(IReportsClient client, ReportRun run)
    {
        var totals = new Dictionary<string, long>();
        await foreach (var row in client.ReadRowsAsync<TrafficRow>(run))
        {
            totals[row.SubuserId] = totals.GetValueOrDefault(row.SubuserId) + row.BandwidthBytes;
        }

        return totals;
    }

    private static byte[] Artifact(string format, bool gzip)
    {
        var bytes = TestArtifact.Traffic.Bytes(new ReportFormat(format));
        return gzip ? TestArtifact.Gzip(bytes) : bytes;
    }

    private static string Extension(string format) => format == "json" ? "ndjson" : format;

    // As a mocking library would build it: only the member the code under test calls answers.
    public class FakeArtifactClient : DispatchProxy
    {
        private Func<Stream> _open = () => Stream.Null;

        internal static IReportsClient Create(byte[] artifact) => Create(() => new MemoryStream(artifact, writable: false));

        /// <summary>A client whose <see cref="IReportsClient.OpenReadAsync"/> answers with <paramref name="open"/>'s stream (a slow one, say).</summary>
        internal static IReportsClient Create(Func<Stream> open)
        {
            var client = Create<IReportsClient, FakeArtifactClient>();
            ((FakeArtifactClient)(object)client)._open = open;
            return client;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
        {
            { Name: nameof(IReportsClient.OpenReadAsync) } => Task.FromResult(_open()),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
