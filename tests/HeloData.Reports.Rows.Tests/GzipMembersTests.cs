using System.IO.Compression;
using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// gzip as RFC 1952 has it: members one after another are one file, zero padding after the last is
/// nothing, and a body cut anywhere but between members is an error, never fewer rows.
/// </summary>
public sealed class GzipMembersTests
{
    private static readonly byte[] Csv = TestArtifact.Traffic.Repeated(400).Csv();

    [Test]
    public async Task Concatenated_members_are_read_as_one_file()
    {
        var bytes = Members(Csv, 3);

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv);

        Assert.That(rows, Has.Count.EqualTo(1200));
    }

    [Test]
    public async Task Members_split_mid_line_and_empty_members_are_read()
    {
        var cut = Csv.Length / 3 + 7;
        byte[] bytes = [.. TestArtifact.Gzip([]), .. TestArtifact.Gzip(Csv[..cut]), .. TestArtifact.Gzip([]), .. TestArtifact.Gzip(Csv[cut..])];

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv);

        Assert.That(rows, Has.Count.EqualTo(1200));
    }

    /// <summary>An empty member as the gzip tool, zlib and Python write it: its deflate data <c>03 00</c> ends in a zero, like its trailer's eight bytes.</summary>
    private static readonly byte[] EmptyMember = Convert.FromHexString("1f8b08000000000000030300" + "0000000000000000");

    [Test]
    public async Task An_empty_member_as_the_gzip_tool_writes_it_is_read_before_between_and_after_others()
    {
        var member = TestArtifact.Gzip(Csv);
        var cut = Csv.Length / 2 + 3;
        var clean = await ReportRowsTests.ReadAllAsync<TrafficRow>(member, ReportFormat.Csv);
        byte[][] files =
        [
            [.. EmptyMember, .. member],
            [.. TestArtifact.Gzip(Csv[..cut]), .. EmptyMember, .. TestArtifact.Gzip(Csv[cut..])],
            [.. member, .. EmptyMember],
            [.. EmptyMember, .. EmptyMember, .. member, .. new byte[3]],
        ];

        foreach (var bytes in files)
        {
            var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv);
            Assert.That(rows.Select(r => (r.Date, r.SubuserId, r.BandwidthBytes)), Is.EqualTo(clean.Select(r => (r.Date, r.SubuserId, r.BandwidthBytes))));
        }
    }

    [TestCase(1)]
    [TestCase(8)]
    [TestCase(70_000)]
    public async Task Zero_padding_after_the_last_member_is_ignored(int zeros)
    {
        byte[] bytes = [.. Members(Csv, 2), .. new byte[zeros]];

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv);

        Assert.That(rows, Has.Count.EqualTo(1200));
    }

    [Test]
    public async Task A_member_with_a_file_name_comment_and_extra_field_is_read()
    {
        var member = TestArtifact.Gzip(Csv);
        var header = new List<byte> { 0x1f, 0x8b, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, 255, 3, 0, 1, 2, 3 };
        header.AddRange("traffic.csv\0"u8.ToArray());
        header.AddRange("made by hand\0"u8.ToArray());
        header.AddRange(new byte[] { 0xAB, 0xCD });
        byte[] bytes = [.. header, .. member.AsSpan(10)];

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv);

        Assert.That(rows, Has.Count.EqualTo(1200));
    }

    [Test]
    public async Task A_body_cut_anywhere_inside_a_member_is_an_error_and_between_members_a_shorter_file()
    {
        var first = TestArtifact.Gzip(Encoding.UTF8.GetBytes("date,subuser_id,product,bandwidth_bytes,requests\r\n2026-05-01,su_1,isp,1,1\r\n"));
        var second = TestArtifact.Gzip(Encoding.UTF8.GetBytes("2026-05-01,su_2,isp,2,2\r\n"));
        byte[] whole = [.. first, .. second];

        for (var cut = 3; cut < whole.Length; cut++)
        {
            var bytes = whole[..cut];
            if (cut == first.Length)
            {
                Assert.That(await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv), Has.Count.EqualTo(1), "cut between the members");
                continue;
            }

            Assert.That(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv), Throws.InstanceOf<ReportRowFormatException>(), $"cut after {cut} of {whole.Length} bytes");
        }
    }

    [TestCase(new byte[] { 1, 2, 3 }, TestName = "bytes that are not a member")]
    [TestCase(new byte[] { 0, 0, 7 }, TestName = "padding followed by other bytes")]
    [TestCase(new byte[] { 0x1f, 0x8b, 8 }, TestName = "the start of a member cut short")]
    public async Task Anything_but_members_and_zero_padding_after_the_first_member_is_an_error(byte[] tail)
    {
        byte[] bytes = [.. Members(Csv, 1), .. tail];

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv));

        Assert.That(error!.InnerException, Is.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void A_damaged_trailer_is_an_error()
    {
        var bytes = Members(Csv, 2);
        bytes[^6] ^= 0x40;

        Assert.That(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv), Throws.InstanceOf<ReportRowFormatException>());
    }

    [Test]
    public async Task A_large_member_written_by_a_real_compressor_in_pieces_is_read_byte_for_byte()
    {
        var text = TestArtifact.Subusers.Repeated(20_000).Ndjson();
        using var output = new MemoryStream();
        foreach (var piece in text.Chunk(100_003))
        {
            using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
            gzip.Write(piece);
        }

        using var read = new MemoryStream();
        await using (var content = new CheckedGzipStream(new NetworkLikeStream(output.ToArray(), chunk: 777)))
        {
            await content.CopyToAsync(read);
        }

        Assert.That(read.ToArray(), Is.EqualTo(text));
    }

    // The csv split into that many gzip members.
    private static byte[] Members(byte[] text, int count)
    {
        var size = (text.Length / count) + 1;
        return [.. text.Chunk(size).SelectMany(TestArtifact.Gzip)];
    }
}
