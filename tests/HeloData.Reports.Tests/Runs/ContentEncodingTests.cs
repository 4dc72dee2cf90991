using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// A download host answering with a content coding the SDK does not decode (it asks for none): every
/// download path refuses it, naming it, instead of handing over compressed bytes as the artifact (reading
/// rows: HeloData.Reports.Rows.Tests' ContentEncodingRowsTests).
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

    private static RawArtifactServer Host(string coding) =>
        new("date,subuser_id\n2026-05-01,su_1\n"u8.ToArray(), headers: $"Content-Type: text/csv\r\nContent-Encoding: {coding}");

    private static void AssertNamesBr(ReportsException error, string coding)
    {
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
        Assert.That(error.Message, Does.Contain($"Content-Encoding '{coding.Split(", ")[^1]}'"));
    }

    private static ReportRun CompletedRun(Uri url) =>
        ReportsModelFactory.ReportRun(runId: "run_1", reportId: "rep_1", status: RunStatus.Completed, downloadUrl: url);
}
