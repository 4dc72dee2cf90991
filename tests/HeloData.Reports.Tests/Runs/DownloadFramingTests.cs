using HeloData.Reports.Models;
using HeloData.Reports.Tests.Hostile;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// What a download can and cannot verify. HTTP frames a body by <c>Content-Length</c> or by chunked
/// encoding; a body cut short within either framing is a <c>download_incomplete</c> error. A body with
/// neither ends when the server closes the connection, and then a cut cannot be told from the end: the
/// SDK can only hand over what arrived (the README says so). The contract gives a run no size or checksum.
/// </summary>
public sealed class DownloadFramingTests
{
    private const string Artifact = "date,requests\n2026-05-01,1\n2026-05-02,2\n";

    [Test]
    public async Task A_body_shorter_than_its_content_length_is_incomplete()
    {
        var error = await Fails.With(() => DownloadAsync(RawAnswer.Raw($"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{Artifact}", RawAnswer.Ending.Close)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
    }

    [Test]
    public async Task A_chunked_body_that_ends_before_its_last_chunk_is_incomplete()
    {
        var cut = $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{Artifact.Length:x}\r\n{Artifact}\r\n";

        var error = await Fails.With(() => DownloadAsync(RawAnswer.Raw(cut, RawAnswer.Ending.Close)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
    }

    [Test]
    public async Task A_body_framed_only_by_the_connection_closing_is_whatever_arrived()
    {
        // Half the artifact, then a clean close: indistinguishable, on the wire, from a whole one.
        var half = Artifact[..(Artifact.Length / 2)];

        var bytes = await DownloadAsync(RawAnswer.Raw($"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n\r\n{half}", RawAnswer.Ending.Close));

        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Is.EqualTo(half));
    }

    private static async Task<byte[]> DownloadAsync(RawAnswer downloadAnswer)
    {
        using var server = new HostileServer(request => request.Path.StartsWith("/v1/", StringComparison.Ordinal)
            ? RawAnswer.Http(500, "")
            : downloadAnswer);
        using var client = HostileOperations.NewClient(server);
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: new Uri(server.Url, HostileServer.DownloadPath));
        using var target = new MemoryStream();
        await client.DownloadAsync(run, target);
        return target.ToArray();
    }
}
