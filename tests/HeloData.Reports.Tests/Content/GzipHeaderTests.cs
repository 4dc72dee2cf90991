namespace HeloData.Reports.Tests.Content;

/// <summary>A gzip member's header: what the flags announce is skipped, a cut inside it is told apart, and only deflate is gzip.</summary>
public sealed class GzipHeaderTests
{
    private static readonly byte[] Fixed = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    [Test]
    public async Task Every_optional_field_is_skipped_up_to_the_deflate_data()
    {
        // FHCRC | FEXTRA | FNAME | FCOMMENT, then the first byte of deflate data.
        byte[] header = [.. Fixed[..3], 0x1e, .. Fixed[4..], 3, 0, 1, 2, 3, (byte)'n', 0, (byte)'c', 0, 0xaa, 0xbb, 0x42];
        var input = await InputAsync(header);

        var complete = await GzipHeader.SkipAsync(input, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(complete, Is.True);
            Assert.That(input.Unread.ToArray(), Is.EqualTo(new byte[] { 0x42 }));
        });
    }

    [TestCase(new byte[] { 0x08, (byte)'n' })] // a file name never terminated
    [TestCase(new byte[] { 0x04, 5, 0, 1 })] // an extra field longer than what is left
    [TestCase(new byte[] { 0x02, 0xaa })] // half a header CRC
    public async Task A_header_cut_inside_an_optional_field_is_not_complete(byte[] flagsAndRest)
    {
        byte[] header = [.. Fixed[..3], flagsAndRest[0], .. Fixed[4..], .. flagsAndRest[1..]];
        var input = await InputAsync(header);

        Assert.That(await GzipHeader.SkipAsync(input, 1, CancellationToken.None), Is.False);
    }

    [TestCase((byte)7, (byte)0)]
    [TestCase((byte)8, (byte)0x20)]
    public async Task Another_method_or_an_undefined_flag_is_not_gzip(byte method, byte flags)
    {
        var input = await InputAsync([.. Fixed[..2], method, flags, .. Fixed[4..]]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await GzipHeader.SkipAsync(input, 3, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("gzip member 3").And.Contain($"method {method}"));
    }

    private static async Task<GzipInput> InputAsync(byte[] bytes)
    {
        var input = new GzipInput(new MemoryStream(bytes));
        await input.EnsureAsync(10, CancellationToken.None);
        return input;
    }
}
