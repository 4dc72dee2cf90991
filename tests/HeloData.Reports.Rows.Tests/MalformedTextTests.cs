using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// Malformed csv, tsv and NDJSON that used to come out as merged rows or as a foreign exception type
/// (Sep's ArgumentException and NotSupportedException, Utf8JsonReader's InvalidOperationException):
/// each is a <see cref="ReportRowFormatException"/> naming the row and, where one is to blame, the column.
/// </summary>
public sealed class MalformedTextTests
{
    private const string Header = "date,subuser_id,product,bandwidth_bytes,requests\r\n";

    [Test]
    public async Task A_quote_inside_an_unquoted_csv_value_is_refused_not_merged_with_the_next_rows()
    {
        // Sep reads from su"1 to the next quote as one quoted stretch: rows 1 to 3 would be one row.
        var csv = Header
            + "2026-05-01,su\"1,residential,1,1\r\n"
            + "2026-05-01,su_2,mobile,2,2\r\n"
            + "2026-05-01,\"su_3\",isp,3,3\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(1));
        Assert.That(error.Column, Is.EqualTo("subuser_id"));
        Assert.That(error.Message, Does.Contain("su\\\"1").Or.Contain("su\"1"));
    }

    [Test]
    public async Task A_stray_quote_whose_stretch_keeps_the_field_count_is_refused_too()
    {
        // Two stray quotes three fields apart: the merged row has as many fields as the header.
        var csv = "a,b,c\r\nx,y\"1,z\r\np,q\"2,r\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(1));
        Assert.That(error.Column, Is.EqualTo("b"));
    }

    [Test]
    public async Task A_stray_quote_running_over_a_separator_is_refused_naming_it()
    {
        var csv = Header + "2026-05-01,su\"1,residential\",1,1,1\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.Column, Is.EqualTo("subuser_id"));
        Assert.That(error.Message, Does.Contain("a quote inside a value"));
    }

    [TestCase("2026-05-01,su\"1\"x,residential,1,1\r\n", "subuser_id", TestName = "quotes paired inside a text value")]
    [TestCase("2026-05-01,su_1,resi\"dential,1,1\r\n2026-05-01,su_2,isp\",1,1\r\n", "product", TestName = "a stray quote in a product")]
    [TestCase("2026-05-01,su_1,residential,1\"2,1\r\n", "bandwidth_bytes", TestName = "a stray quote in a number")]
    public async Task Any_quote_inside_an_unquoted_value_is_refused(string row, string column)
    {
        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(Header + row), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(1));
        Assert.That(error.Column, Is.EqualTo(column));
    }

    [Test]
    public async Task A_quoted_value_over_several_lines_is_still_read()
    {
        var csv = "subuser_id,name\r\nsu_1,\"two\r\nlines, \"\"quoted\"\"\"\r\nsu_2,plain\r\n";

        var rows = await ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv);

        Assert.That(rows.Select(r => r["name"]), Is.EqualTo(new[] { "two\r\nlines, \"quoted\"", "plain" }));
    }

    [Test]
    public async Task A_quote_inside_a_header_name_is_refused()
    {
        var csv = "date,sub\"user_id,product\r\n2026-05-01,su_1,\"isp\"\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.Zero);
    }

    [Test]
    public async Task A_quote_in_a_tsv_value_is_kept_as_written()
    {
        var tsv = "subuser_id\tname\nsu_1\tsay \"hi\nsu_2\tbye\"\n";

        var rows = await ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(tsv), ReportFormat.Tsv);

        Assert.That(rows.Select(r => r["name"]), Is.EqualTo(new[] { "say \"hi", "bye\"" }));
    }

    [TestCase("date,date\r\n2026-05-01,2026-05-02\r\n", "date", TestName = "a header naming a column twice")]
    [TestCase("a,b,,\r\n1,2,3,4\r\n", "", TestName = "a header with two empty names")]
    [TestCase("a\tb\ta\n1\t2\t3\n", "a", TestName = "a tsv header naming a column twice")]
    public async Task A_duplicate_header_name_is_a_format_error_at_the_header(string text, string column)
    {
        var format = text.Contains('\t') ? ReportFormat.Tsv : ReportFormat.Csv;

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(text), format));

        Assert.That(error!.RowNumber, Is.Zero);
        Assert.That(error.Column, Is.EqualTo(column));
        Assert.That(error.Message, Does.Contain("twice"));
    }

    [Test]
    public async Task One_empty_header_name_is_a_column_like_any_other()
    {
        var rows = await ReportRowsTests.ReadAllAsync<ReportRow>("a,b,\r\n1,2,3\r\n"u8.ToArray(), ReportFormat.Csv);

        Assert.That(rows.Single()[""], Is.EqualTo("3"));
    }

    [Test]
    public async Task A_csv_row_longer_than_16_MiB_is_a_format_error_naming_its_row()
    {
        var csv = Header + "2026-05-01,su_1,residential,1,1\r\n2026-05-01,\"" + new string('x', 17 << 20) + "\",isp,1,1\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
        Assert.That(error.InnerException, Is.InstanceOf<NotSupportedException>());
    }

    [Test]
    public async Task A_single_column_csv_skips_empty_lines_as_any_csv_does()
    {
        var csv = "subuser_id\r\nsu_1\r\n\r\nsu_2\r\n\r\n";

        var rows = await ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv);

        Assert.That(rows.Select(r => r["subuser_id"]), Is.EqualTo(new[] { "su_1", "su_2" }));
        Assert.That(rows.Select(r => r.RowNumber), Is.EqualTo(new long[] { 1, 2 }));
    }

    [TestCase("subuser_id", TestName = "in a text column's value")]
    [TestCase("team", TestName = "in an unknown column's value")]
    public async Task Invalid_utf8_in_an_ndjson_string_is_a_format_error_naming_row_and_column(string key)
    {
        var bytes = Line("{\"date\":\"2026-05-01\",\"" + key + "\":\"su_", [0xC3, 0x28], "\",\"requests\":1}");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
        Assert.That(error.Column, Is.EqualTo(key));
        Assert.That(error.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task Invalid_utf8_in_an_ndjson_key_is_a_format_error()
    {
        var bytes = Line("{\"date\":\"2026-05-01\",\"su", [0xFF], "\":\"x\"}");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
    }

    [Test]
    public async Task Invalid_utf8_inside_an_unknown_object_value_is_a_format_error_not_replacement_characters()
    {
        var bytes = Line("{\"date\":\"2026-05-01\",\"tags\":{\"k\":\"", [0xC3, 0x28], "\"}}");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
        Assert.That(error.Column, Is.EqualTo("tags"));
    }

    [TestCase("\\ud800", TestName = "a lone high surrogate escape")]
    [TestCase("\\udc00x", TestName = "a lone low surrogate escape")]
    public async Task A_lone_surrogate_escape_in_ndjson_is_a_format_error(string escape)
    {
        var bytes = Line("{\"date\":\"2026-05-01\",\"subuser_id\":\"su_" + escape + "\"}", [], string.Empty);

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
        Assert.That(error.Column, Is.EqualTo("subuser_id"));
    }

    [Test]
    public async Task Enumerating_the_rows_of_a_stream_twice_says_they_are_read_once()
    {
        var rows = ReportRows.ReadAsync<TrafficRow>(new MemoryStream(TestArtifact.Traffic.Csv()), ReportFormat.Csv);
        await foreach (var _ in rows)
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => rows.GetAsyncEnumerator());

        Assert.That(error!.Message, Does.Contain("already enumerated"));
    }

    [Test]
    public async Task Enumerating_twice_with_the_stream_left_open_is_refused_too_not_an_empty_second_pass()
    {
        using var stream = new MemoryStream(TestArtifact.Traffic.Csv());
        var rows = ReportRows.ReadAsync<TrafficRow>(stream, ReportFormat.Csv, leaveOpen: true, CancellationToken.None);
        await foreach (var _ in rows)
        {
        }

        Assert.That(() => rows.GetAsyncEnumerator(), Throws.InvalidOperationException);
    }

    [TestCase(true, TestName = "a header of a million separators")]
    [TestCase(false, TestName = "a row of a million separators")]
    public async Task A_line_of_a_million_fields_is_a_format_error(bool inHeader)
    {
        var separators = new string(',', 1_000_000);
        var csv = inHeader ? $"date{separators}\r\n2026-05-01\r\n" : $"{Header}2026-05-01,su_1,isp,1,1{separators}\r\n";

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(inHeader ? 0 : 1));
    }

    // A good first line, then "text", raw bytes, "tail" and a newline.
    private static byte[] Line(string text, byte[] raw, string tail) =>
        [.. TestArtifact.Traffic.Ndjson().AsSpan(0, TestArtifact.Traffic.Ndjson().AsSpan().IndexOf((byte)'\n') + 1), .. Encoding.UTF8.GetBytes(text), .. raw, .. Encoding.UTF8.GetBytes(tail), (byte)'\n'];
}
