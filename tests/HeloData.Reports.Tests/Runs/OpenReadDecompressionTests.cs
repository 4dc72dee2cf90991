using System.IO.Compression;
using System.Text;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// <see cref="IReportsClient.OpenReadAsync"/> hands over the artifact checked and decompressed: gzip is
/// taken off by its first bytes (a bare gzip body or <c>Content-Encoding: gzip</c>), each member's CRC-32
/// and length checked; a download keeps the bytes as the host sent them.
/// </summary>
public sealed class OpenReadDecompressionTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5_000).Select(i => $"2026-05-01,su_{i},residential,{i * 1_000},{i}\n")));

    private ClientHarness _api = null!;

    [SetUp]
    public void SetUp() => _api = new ClientHarness(o => o.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _api.Dispose();

    [TestCase("Content-Type: application/gzip")]
    [TestCase("Content-Type: text/csv\r\nContent-Encoding: gzip")]
    public async Task A_gzip_body_is_read_decompressed(string headers)
    {
        using var host = new RawArtifactServer(Gzip(Csv), headers: headers);

        Assert.That(await ReadAllAsync(host.Url), Is.EqualTo(Csv));
    }

    [Test]
    public async Task A_file_gzipped_and_gzipped_again_by_the_host_is_read_decompressed_twice()
    {
        using var host = new RawArtifactServer(Gzip(Gzip(Csv)), headers: "Content-Type: text/csv\r\nContent-Encoding: gzip");

        Assert.That(await ReadAllAsync(host.Url), Is.EqualTo(Csv));
    }

    [Test]
    public async Task A_plain_body_is_read_as_sent_with_its_length()
    {
        using var host = new RawArtifactServer(Csv);

        await using var stream = await _api.Client.OpenReadAsync(CompletedRun(host.Url));

        Assert.That(stream.Length, Is.EqualTo(Csv.Length));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(Csv));
    }

    [Test]
    public async Task A_damaged_gzip_body_is_a_ReportsException_naming_the_run_not_wrong_bytes()
    {
        var damaged = Gzip(Csv);
        damaged[^8] ^= 0xFF; // the trailer's CRC-32

        using var host = new RawArtifactServer(damaged, headers: "Content-Type: text/csv\r\nContent-Encoding: gzip");

        AssertInvalidResponse(await Assert.ThrowsAsync<ReportsException>(() => ReadAllAsync(host.Url)), "gzip");
    }

    [Test]
    public async Task A_gzip_body_missing_its_trailer_is_a_ReportsException_naming_the_run_not_fewer_bytes()
    {
        // Sent whole (Content-Length matches): the file itself is cut, so it is not a download cut in transit.
        var cut = Gzip(Csv)[..^8];
        using var host = new RawArtifactServer(cut, headers: "Content-Type: application/gzip");

        AssertInvalidResponse(await Assert.ThrowsAsync<ReportsException>(() => ReadAllAsync(host.Url)), "cut short");
    }

    [Test]
    public async Task Damaged_gzip_found_while_opening_is_a_ReportsException_from_the_open_call()
    {
        var inner = Gzip(Csv);
        inner[2] = 7; // the inner layer's method: not deflate, seen when its first bytes are read
        using var host = new RawArtifactServer(Gzip(inner), headers: "Content-Type: application/gzip");

        AssertInvalidResponse(await Assert.ThrowsAsync<ReportsException>(() => _api.Client.OpenReadAsync(CompletedRun(host.Url))), "method 7");
    }

    [Test]
    public async Task A_body_cut_in_transit_under_gzip_stays_download_incomplete()
    {
        var gzip = Gzip(Csv);
        using var host = new RawArtifactServer(gzip, cutAfter: gzip.Length / 2, headers: "Content-Type: application/gzip");

        var error = await Assert.ThrowsAsync<ReportsException>(() => ReadAllAsync(host.Url));

        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Position_is_the_content_bytes_read_so_far(bool gzip)
    {
        using var host = new RawArtifactServer(gzip ? Gzip(Csv) : Csv, headers: gzip ? "Content-Type: application/gzip" : "Content-Type: text/csv");
        await using var stream = await _api.Client.OpenReadAsync(CompletedRun(host.Url));
        var buffer = new byte[100];

        Assert.That(stream.Position, Is.Zero);
        await stream.ReadExactlyAsync(buffer);
        Assert.That(stream.Position, Is.EqualTo(100));
        await stream.CopyToAsync(Stream.Null);
        Assert.That(stream.Position, Is.EqualTo(Csv.Length));
    }

    [Test]
    public async Task A_download_keeps_the_gzip_bytes_as_sent()
    {
        var gzip = Gzip(Csv);
        using var host = new RawArtifactServer(gzip, headers: "Content-Type: text/csv\r\nContent-Encoding: gzip");
        using var copy = new MemoryStream();

        var result = await _api.Client.DownloadAsync(CompletedRun(host.Url), copy);

        Assert.That(copy.ToArray(), Is.EqualTo(gzip));
        Assert.That(result.Bytes, Is.EqualTo(gzip.Length));
    }

    private static void AssertInvalidResponse(ReportsException? error, string says)
    {
        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
        Assert.That(error.InnerException, Is.InstanceOf<InvalidDataException>());
        Assert.That(error.Message, Does.Contain("run_1").And.Contain(says));
    }

    private async Task<byte[]> ReadAllAsync(Uri url)
    {
        await using var stream = await _api.Client.OpenReadAsync(CompletedRun(url));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static ReportRun CompletedRun(Uri url) =>
        ReportsModelFactory.ReportRun(runId: "run_1", reportId: "rep_1", status: RunStatus.Completed, downloadUrl: url);
}
