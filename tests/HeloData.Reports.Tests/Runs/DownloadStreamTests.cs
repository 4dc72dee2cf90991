using System.Net;
using System.Text;

namespace HeloData.Reports.Tests.Runs;

/// <summary>The artifact's body as a stream: forward only, asynchronous only, counting what came.</summary>
public sealed class DownloadStreamTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("date,requests\n2026-05-01,1\n");

    [Test]
    public async Task Its_position_is_the_bytes_read_and_its_length_the_content_length()
    {
        await using var stream = await OpenAsync(contentLength: true);

        var first = await stream.ReadAsync(new byte[5]);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Position, Is.EqualTo(first));
            Assert.That(stream.Length, Is.EqualTo(Body.Length));
            Assert.That(stream.CanSeek, Is.False);
            Assert.That(() => stream.Position = 0, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Seek(0, SeekOrigin.Begin), Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public async Task Without_a_content_length_its_length_is_unknown()
    {
        await using var stream = await OpenAsync(contentLength: false);

        Assert.That(() => stream.Length, Throws.InstanceOf<NotSupportedException>().With.Message.Contains("Content-Length"));
    }

    [Test]
    public async Task A_synchronous_read_is_refused_with_the_asynchronous_calls_named()
    {
        await using var stream = await OpenAsync(contentLength: true);

        Assert.Multiple(() =>
        {
            Assert.That(() => stream.Read(new byte[4], 0, 4), Throws.InstanceOf<NotSupportedException>().With.Message.Contains("ReadAsync"));
            Assert.That(() => stream.ReadByte(), Throws.InstanceOf<NotSupportedException>().With.Message.Contains("ReadAsync"));
        });
    }

    [Test]
    public async Task Array_reads_with_one_token_arrive_whole()
    {
        await using var stream = await OpenAsync(contentLength: true);
        using var caller = new CancellationTokenSource();
        var copy = new MemoryStream();

        var buffer = new byte[3];
        int read;
        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, caller.Token)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.That(copy.ToArray(), Is.EqualTo(Body));
    }

    private static Task<DownloadStream> OpenAsync(bool contentLength)
    {
        // Set either way: a StreamContent over a MemoryStream would otherwise compute it.
        var content = new StreamContent(new MemoryStream(Body));
        content.Headers.ContentLength = contentLength ? Body.Length : null;

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        return DownloadStream.OpenAsync(response, "run_1", new IdleTimer(TimeSpan.FromMinutes(1), TimeProvider.System), CancellationToken.None);
    }
}
