using System.IO.Compression;

namespace HeloData.Reports.Tests.Content;

/// <summary><see cref="GzipLayers"/>: layers by magic bytes, at most three, and who disposes the source.</summary>
public sealed class GzipLayersTests
{
    private static readonly byte[] Text = "date,subuser_id\n2026-05-01,su_1\n"u8.ToArray();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public async Task Up_to_three_layers_come_off(int layers)
    {
        await using var stream = await GzipLayers.OpenAsync(new MemoryStream(Gzip(Text, layers)), leaveOpen: false, CancellationToken.None);

        Assert.That(await ReadAllAsync(stream), Is.EqualTo(Text));
    }

    [Test]
    public void A_fourth_layer_is_refused_and_the_source_disposed()
    {
        var source = new TrackedStream(Gzip(Text, 4));

        Assert.That(() => GzipLayers.OpenAsync(source, leaveOpen: false, CancellationToken.None), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("3 times"));
        Assert.That(source.Disposed, Is.True);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Disposing_the_content_disposes_the_source_unless_left_open(bool leaveOpen)
    {
        var source = new TrackedStream(Gzip(Text, 2));

        var stream = await GzipLayers.OpenAsync(source, leaveOpen, CancellationToken.None);
        await stream.DisposeAsync();

        Assert.That(source.Disposed, Is.EqualTo(!leaveOpen));
    }

    [Test]
    public async Task An_empty_stream_is_empty_content()
    {
        await using var stream = await GzipLayers.OpenAsync(new MemoryStream(), leaveOpen: false, CancellationToken.None);

        Assert.That(await ReadAllAsync(stream), Is.Empty);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] Gzip(byte[] bytes, int layers)
    {
        for (var i = 0; i < layers; i++)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                gzip.Write(bytes);
            }

            bytes = output.ToArray();
        }

        return bytes;
    }

    private sealed class TrackedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
