using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// A download host answering with a content coding the SDK does not decode (it asks for none): every
/// row read refuses it, naming it, instead of reading compressed bytes as the artifact; gzip and identity are read.
/// </summary>
public sealed class ContentEncodingRowsTests
{
    private ClientHarness _api = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new ClientHarness(o => o.MaxRetryAttempts = 0);
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
    }

    [TestCase("br")]
    [TestCase("zstd")]
    [TestCase("gzip, br")]
    public async Task Reading_rows_of_an_artifact_sent_with_another_coding_is_a_typed_error_naming_it(string coding)
    {
        using var host = Host(coding);

        var error = await Assert.ThrowsAsync<ReportsException>(async () =>
        {
            await foreach (var row in _api.Client.ReadRowsAsync<TrafficRow>(CompletedRun(host.Url)))
            {
                Assert.Fail($"no row should come out, got row {row.RowNumber}");
            }
        });

        AssertNamesBr(error!, coding);
    }

    [TestCase("identity")]
    [TestCase("GZIP")]
    public async Task Identity_and_gzip_are_read(string coding)
    {
        var body = coding == "identity" ? TestArtifact.Traffic.Csv() : TestArtifact.Gzip(TestArtifact.Traffic.Csv());
        using var host = new RawArtifactServer(body, headers: $"Content-Type: text/csv\r\nContent-Encoding: {coding}");

        var count = 0;
        await foreach (var row in _api.Client.ReadRowsAsync<TrafficRow>(CompletedRun(host.Url)))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
    }

    private static RawArtifactServer Host(string coding) =>
        new(TestArtifact.Gzip(TestArtifact.Traffic.Csv()), headers: $"Content-Type: text/csv\r\nContent-Encoding: {coding}");

    private static void AssertNamesBr(ReportsException error, string coding)
    {
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
        Assert.That(error.Message, Does.Contain($"Content-Encoding '{coding.Split(", ")[^1]}'"));
    }

    private static ReportRun CompletedRun(Uri url) =>
        ReportsModelFactory.ReportRun(runId: "run_1", reportId: "rep_1", status: RunStatus.Completed, downloadUrl: url);
}
