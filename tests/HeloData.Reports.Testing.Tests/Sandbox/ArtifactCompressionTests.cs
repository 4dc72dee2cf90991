using System.IO.Compression;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Tests.Support;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// <see cref="ReportsSandbox.ArtifactCompression"/>: the two ways the contract lets an artifact arrive
/// gzip-compressed, for every format, each decompressing to exactly the plain artifact.
/// </summary>
public sealed class ArtifactCompressionTests
{
    private ReportsSandbox _sandbox = null!;
    private SandboxHttp _http = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _http = new SandboxHttp(_sandbox);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    private static IEnumerable<TestCaseData> FormatsAndModes() =>
        from format in SandboxArtifacts.Formats
        from mode in new[] { ArtifactCompression.ContentEncoding, ArtifactCompression.GzipBody }
        select new TestCaseData(format, mode).SetArgDisplayNames(format, mode.ToString());

    [TestCaseSource(nameof(FormatsAndModes))]
    public async Task An_artifact_is_served_gzipped_and_decompresses_to_the_plain_artifact(string format, ArtifactCompression mode)
    {
        var (runId, url) = await _http.RunAsync("invoices", format);
        var plain = await _http.DownloadBytesAsync(url);
        _sandbox.ArtifactCompression = mode;

        using var response = await _http.DownloadAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(body.Take(2), Is.EqualTo(new byte[] { 0x1f, 0x8b }), "a gzip member starts with 1f 8b");
            Assert.That(Gunzip(body), Is.EqualTo(plain), "decompressed, it is the plain artifact byte for byte");
            Assert.That(body, Has.Length.LessThan(plain.Length));
            Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(body.Length), "Content-Length counts the bytes sent");
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(SandboxArtifacts.ContentType(format)), "the artifact's own Content-Type");
            Assert.That(
                response.Content.Headers.ContentEncoding,
                mode == ArtifactCompression.ContentEncoding ? Is.EqualTo(new[] { "gzip" }) : Is.Empty,
                "only ContentEncoding says so in a header");
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo($"{runId}{new HeloData.Reports.Models.ReportFormat(format).FileExtension}"), "the file name is unchanged");
        });
    }

    [Test]
    public async Task The_option_sets_the_initial_mode_and_none_serves_the_plain_artifact_again()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactCompression = ArtifactCompression.GzipBody });
        using var http = new SandboxHttp(sandbox);
        var (_, url) = await http.RunAsync();

        var gzipped = await http.DownloadBytesAsync(url);
        sandbox.ArtifactCompression = ArtifactCompression.None;
        var plain = await http.DownloadBytesAsync(url);

        Assert.That(new ReportsSandboxOptions().ArtifactCompression, Is.EqualTo(ArtifactCompression.None), "off by default");
        Assert.That(gzipped.Take(2), Is.EqualTo(new byte[] { 0x1f, 0x8b }));
        Assert.That(plain, Is.EqualTo(Gunzip(gzipped)));
        Assert.That(System.Text.Encoding.UTF8.GetString(plain), Does.StartWith("date,subuser_id,"));
    }

    [Test]
    public async Task A_truncated_gzipped_download_promises_the_compressed_length_and_sends_part_of_it()
    {
        var (_, url) = await _http.RunAsync("requests", "json", from: "2026-01-01", to: "2026-06-30");
        _sandbox.ArtifactCompression = ArtifactCompression.ContentEncoding;
        var whole = await _http.DownloadBytesAsync(url);
        _sandbox.Faults.TruncateDownloads(1);

        using var cut = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await SandboxStreams.ReadUntilFailureAsync(await cut.Content.ReadAsStreamAsync());

        Assert.That(cut.Content.Headers.ContentLength, Is.EqualTo(whole.Length));
        Assert.That(failure, Is.Not.Null);
        Assert.That(received, Is.Not.Empty.And.Length.LessThanOrEqualTo(whole.Length / 2));
        Assert.That(received, Is.EqualTo(whole.Take(received.Length)));
    }

    [Test]
    public void An_undefined_mode_is_refused()
    {
        Assert.That(() => _sandbox.ArtifactCompression = (ArtifactCompression)3, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ReportsSandboxOptions { ArtifactCompression = (ArtifactCompression)(-1) }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(_sandbox.ArtifactCompression, Is.EqualTo(ArtifactCompression.None));
    }

    internal static byte[] Gunzip(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
