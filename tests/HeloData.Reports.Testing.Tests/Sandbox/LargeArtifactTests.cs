using System.Globalization;
using System.Security.Cryptography;
using HeloData.Reports.Models;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Tests.Support;
using nietras.SeparatedValues;
using Parquet;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// <see cref="ReportsSandbox.ArtifactRowCount"/>: artifacts of any size, generated while they are
/// downloaded and sent chunked, with exact row counts, deterministic bytes, gzip on the fly and the
/// download faults.
/// </summary>
public sealed class LargeArtifactTests
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

    [TestCase("csv", 250_000)]
    [TestCase("tsv", 100_000)]
    [TestCase("json", 100_000)]
    public async Task A_text_artifact_has_exactly_the_rows_asked_for_and_is_sent_chunked(string format, int rows)
    {
        _sandbox.ArtifactRowCount = rows;
        var (_, url) = await _http.RunAsync("traffic", format);

        using var response = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        AssertChunked(response, format);
        var (header, count) = CountRows(format, await response.Content.ReadAsStreamAsync());

        Assert.That(count, Is.EqualTo(rows));
        Assert.That(header, Is.EqualTo(SandboxArtifacts.Columns("traffic")));
    }

    [Test]
    public async Task A_parquet_artifact_has_exactly_the_rows_asked_for_in_row_groups_of_100_000()
    {
        _sandbox.ArtifactRowCount = 250_000;
        var (_, url) = await _http.RunAsync("invoices", "parquet");

        using var response = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        AssertChunked(response, "parquet");
        var reader = await ParquetReader.CreateAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        await using var _ = reader;

        Assert.That(reader.Schema.DataFields.Select(field => field.Name), Is.EqualTo(SandboxArtifacts.Columns("invoices")));
        Assert.That(reader.RowGroups.Select(group => group.RowCount), Is.EqualTo(new long[] { 100_000, 100_000, 50_000 }));
        using var last = reader.OpenRowGroupReader(2);
        var amounts = new decimal[50_000];
        await last.ReadAsync<decimal>(reader.Schema.DataFields.Single(field => field.Name == "amount_usd"), amounts.AsMemory());
        Assert.That(amounts, Has.All.GreaterThanOrEqualTo(0m), "typed values in the last row group too");
        Assert.That(amounts.Select(amount => decimal.Round(amount, 2)), Is.EqualTo(amounts), "DECIMAL(18, 2)");
    }

    [TestCase("csv")]
    [TestCase("parquet")]
    public async Task A_large_artifact_is_the_same_bytes_on_every_download_and_in_another_sandbox(string format)
    {
        _sandbox.ArtifactRowCount = 300_000;
        var (runId, url) = await _http.RunAsync("requests", format);

        var first = await HashAsync(url);
        var second = await HashAsync(url);
        using var other = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactRowCount = 300_000 });
        using var otherHttp = new SandboxHttp(other);
        var (otherRunId, otherUrl) = await otherHttp.RunAsync("requests", format);
        var third = await HashAsync(otherUrl);

        Assert.That(otherRunId, Is.EqualTo(runId), "the same seed gives the same run id");
        Assert.That(second, Is.EqualTo(first));
        Assert.That(third, Is.EqualTo(first));
        Assert.That(first.Bytes, Is.GreaterThan(300_000 * 10));
    }

    [TestCase("csv", ArtifactCompression.ContentEncoding)]
    [TestCase("tsv", ArtifactCompression.GzipBody)]
    [TestCase("json", ArtifactCompression.ContentEncoding)]
    [TestCase("parquet", ArtifactCompression.GzipBody)]
    public async Task A_large_artifact_is_gzipped_on_the_fly_and_decompresses_to_the_plain_one(string format, ArtifactCompression mode)
    {
        _sandbox.ArtifactRowCount = 120_000;
        var (_, url) = await _http.RunAsync("traffic", format);
        var plain = await _http.DownloadBytesAsync(url);
        _sandbox.ArtifactCompression = mode;

        using var response = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        AssertChunked(response, format);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(body.Take(2), Is.EqualTo(new byte[] { 0x1f, 0x8b }));
        Assert.That(ArtifactCompressionTests.Gunzip(body), Is.EqualTo(plain));
        Assert.That(response.Content.Headers.ContentEncoding, mode == ArtifactCompression.ContentEncoding ? Is.EqualTo(new[] { "gzip" }) : Is.Empty);
    }

    [Test]
    public async Task A_run_keeps_the_row_count_it_was_accepted_with()
    {
        _sandbox.ArtifactRowCount = 1_000;
        var (_, counted) = await _http.RunAsync();
        _sandbox.ArtifactRowCount = null;
        var (_, plain) = await _http.RunAsync();
        _sandbox.ArtifactRowCount = 7;

        using var countedResponse = await _http.DownloadAsync(counted, completion: HttpCompletionOption.ResponseHeadersRead);
        var (_, countedRows) = CountRows("csv", await countedResponse.Content.ReadAsStreamAsync());
        using var plainResponse = await _http.DownloadAsync(plain, completion: HttpCompletionOption.ResponseHeadersRead);
        var (_, plainRows) = CountRows("csv", await plainResponse.Content.ReadAsStreamAsync());

        Assert.That(countedRows, Is.EqualTo(1_000));
        Assert.That(plainRows, Is.LessThan(1_000).And.GreaterThan(7), "the window's count");
        Assert.That(countedResponse.Headers.TransferEncodingChunked, Is.True);
        Assert.That(plainResponse.Content.Headers.ContentLength, Is.Not.Null, "a window-sized artifact is sent whole, with its length");
        Assert.That(new ReportsSandboxOptions().ArtifactRowCount, Is.Null, "off by default");
    }

    [Test]
    public async Task Ten_million_csv_rows_stream_from_generator_to_client_without_being_held()
    {
        const long Rows = 10_000_000;
        _sandbox.ArtifactRowCount = Rows;
        var (_, url) = await _http.RunAsync("traffic", "csv");

        using var response = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        AssertChunked(response, "csv");
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256 * 1024];
        var read = await body.ReadAtLeastAsync(buffer, 1024);

        // The first bytes are here while most rows are not even generated: the client reads nothing more for
        // now, so the host can be ahead only by what the buffers between them hold (a few MB, not the ~550 MB
        // of the artifact). A host that built the artifact before sending it would be at 10 million already.
        var generatedWhenFirstBytesArrived = _sandbox.StreamedArtifactRows;
        Assert.That(generatedWhenFirstBytesArrived, Is.LessThan(Rows / 10));

        long bytes = 0, lines = 0;
        while (read > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            read = await body.ReadAsync(buffer);
        }

        TestContext.Out.WriteLine(
            $"{bytes:N0} bytes; {generatedWhenFirstBytesArrived:N0} rows generated when the first bytes arrived; " +
            $"peak working set of the test process {Environment.WorkingSet / (1 << 20):N0} MiB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB at most");
        Assert.That(lines - 1, Is.EqualTo(Rows), "the header and exactly 10 million rows");
        Assert.That(_sandbox.StreamedArtifactRows, Is.EqualTo(Rows));
        Assert.That(bytes, Is.GreaterThan(Rows * 40));
    }

    [Test]
    public async Task A_truncated_large_download_sends_its_first_bytes_and_never_ends_its_chunked_body()
    {
        _sandbox.ArtifactRowCount = 50_000;
        var (_, url) = await _http.RunAsync();
        var whole = await _http.DownloadBytesAsync(url);
        _sandbox.Faults.TruncateDownloads(1);

        using var cut = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await SandboxStreams.ReadUntilFailureAsync(await cut.Content.ReadAsStreamAsync());

        Assert.That(cut.Headers.TransferEncodingChunked, Is.True);
        Assert.That(failure, Is.Not.Null, "the client sees a body cut before its final chunk");
        Assert.That(received, Is.Not.Empty.And.Length.LessThanOrEqualTo(16 * 1024));
        Assert.That(received, Is.EqualTo(whole.Take(received.Length)));
        Assert.That(_sandbox.Requests.Last().Status, Is.EqualTo(0));
        Assert.That(await _http.DownloadBytesAsync(url), Is.EqualTo(whole), "the fault wore off");
    }

    [Test]
    public async Task A_truncated_download_of_a_streamed_artifact_smaller_than_the_cut_still_never_ends()
    {
        _sandbox.ArtifactRowCount = 10;
        var (_, url) = await _http.RunAsync();
        var whole = await _http.DownloadBytesAsync(url);
        _sandbox.Faults.TruncateDownloads(1);

        using var cut = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await SandboxStreams.ReadUntilFailureAsync(await cut.Content.ReadAsStreamAsync());

        Assert.That(received, Is.EqualTo(whole), "every byte came");
        Assert.That(failure, Is.Not.Null, "but not the final chunk, so the body is not complete");
    }

    [Test]
    public async Task A_stalled_large_download_goes_silent_after_its_first_bytes_until_the_sandbox_stops()
    {
        _sandbox.ArtifactRowCount = 50_000;
        var (_, url) = await _http.RunAsync();
        _sandbox.Faults.StallDownloads(1);
        using var client = new HttpClient();
        using var stalled = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var body = await stalled.Content.ReadAsStreamAsync();
        var first = new byte[1];
        await body.ReadExactlyAsync(first);
        var reading = SandboxStreams.ReadUntilFailureAsync(body);

        // A whole download of the same artifact meanwhile: the stalled one is still open, and silent.
        var whole = await _http.DownloadBytesAsync(url);
        Assert.That(reading.IsCompleted, Is.False, "the stalled download neither ended nor was cut");
        _sandbox.Dispose();
        var (received, failure) = await reading;

        Assert.That(failure, Is.Not.Null, "the sandbox stopping ends it, incomplete");
        Assert.That(1 + received.Length, Is.LessThanOrEqualTo(16 * 1024));
        Assert.That(first.Concat(received), Is.EqualTo(whole.Take(1 + received.Length)));
    }

    [Test]
    public async Task The_client_downloads_a_large_artifact_to_a_file_and_detects_a_cut_chunked_body()
    {
        _sandbox.ArtifactRowCount = 200_000;
        using var client = _sandbox.CreateClient();
        var report = await client.CreateReportAsync(new NewReport("large", ReportType.Traffic, ReportFormat.Csv));
        var run = await client.RunReportAndWaitAsync(report.Id, options: new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        var target = Path.Combine(Path.GetTempPath(), $"helodata-large-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await client.DownloadToFileAsync(run, target);
            _sandbox.Faults.TruncateDownloads(1);
            var cut = await Fails.With(() => client.DownloadAsync(run, Stream.Null));

            Assert.That(result.Bytes, Is.EqualTo(new FileInfo(target).Length));
            Assert.That(File.ReadLines(target).Count(), Is.EqualTo(200_001), "the header and 200,000 rows");
            Assert.That(cut.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete).Or.EqualTo(ReportsErrorCode.ConnectionFailed));
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Test]
    public void A_negative_row_count_is_refused()
    {
        Assert.That(() => _sandbox.ArtifactRowCount = -1, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ReportsSandboxOptions { ArtifactRowCount = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(_sandbox.ArtifactRowCount, Is.Null);
    }

    // Headers only: HttpClient sets Content-Length itself once it has read a body into memory.
    private static void AssertChunked(HttpResponseMessage response, string format)
    {
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.TransferEncodingChunked, Is.True, "a streamed artifact is sent chunked");
        Assert.That(response.Content.Headers.ContentLength, Is.Null, "its length is not known in advance");
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(SandboxArtifacts.ContentType(format)));
    }

    // Reads a text artifact as it arrives: Sep checks every row has the header's column count.
    private static (string[] Header, long Rows) CountRows(string format, Stream body)
    {
        if (format == "json")
        {
            using var lines = new StreamReader(body);
            long count = 0;
            string[]? keys = null;
            while (lines.ReadLine() is { } line)
            {
                count++;
                keys ??= [.. System.Text.Json.JsonDocument.Parse(line).RootElement.EnumerateObject().Select(property => property.Name)];
            }

            return (keys ?? [], count);
        }

        var separator = format == "csv" ? ',' : '\t';
        using var reader = Sep.New(separator)
            .Reader(o => o with { Unescape = format == "csv", DisableQuotesParsing = format != "csv", CultureInfo = CultureInfo.InvariantCulture })
            .From(body);
        long rows = 0;
        foreach (var row in reader)
        {
            rows++;
        }

        return ([.. reader.Header.ColNames], rows);
    }

    private async Task<(string Sha256, long Bytes)> HashAsync(string url)
    {
        using var response = await _http.DownloadAsync(url, completion: HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), bytes);
    }
}
