using HeloData.Reports.Models;
using HeloData.Reports.Tests.Rows;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// A download host answering with a content coding the SDK does not decode (it asks for none): every
/// download path refuses it, naming it, instead of handing over compressed bytes as the artifact.
/// </summary>
public sealed class ContentEncodingTests
{
    private ClientHarness _api = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new ClientHarness(o => o.MaxRetryAttempts = 0);
        _folder = Directory.CreateTempSubdirectory("helodata-encoding-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
        Directory.Delete(_folder, recursive: true);
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

    [Test]
    public async Task Opening_downloading_and_saving_refuse_it_too_and_leave_no_file()
    {
        using var host = Host("br");
        var target = Path.Combine(_folder, "traffic.csv");

        var open = await Assert.ThrowsAsync<ReportsException>(() => _api.Client.OpenReadAsync(CompletedRun(host.Url)));
        var copy = await Assert.ThrowsAsync<ReportsException>(() => _api.Client.DownloadAsync(CompletedRun(host.Url), new MemoryStream()));
        var save = await Assert.ThrowsAsync<ReportsException>(() => _api.Client.DownloadToFileAsync(CompletedRun(host.Url), target));

        AssertNamesBr(open!, "br");
        AssertNamesBr(copy!, "br");
        AssertNamesBr(save!, "br");
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty);
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
