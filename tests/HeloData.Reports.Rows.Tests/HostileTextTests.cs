using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>NDJSON and csv from a hostile peer: JSON that is not a row, nulls, lines and quotes cut short.</summary>
public sealed class HostileTextTests
{
    private const string Good = """{"date":"2026-05-01","subuser_id":"su_27c4","product":"residential","bandwidth_bytes":4082297694,"requests":50982}""";

    [TestCase("null", TestName = "a line that is JSON null")]
    [TestCase("[1,2]", TestName = "a line that is an array")]
    [TestCase("\"row\"", TestName = "a line that is a string")]
    [TestCase("""{"date":"2026-05-02","subuser_id":"su""", TestName = "a line cut inside a string")]
    [TestCase("""{"date":"2026-05-02"} {"date":"2026-05-03"}""", TestName = "two objects on one line")]
    [TestCase("<html><body>502 Bad Gateway</body></html>", TestName = "an error page in the middle")]
    public async Task A_second_line_that_is_not_one_json_object_is_an_error_naming_row_2(string line)
    {
        var bytes = Encoding.UTF8.GetBytes($"{Good}\n{line}\n");
        var seen = new List<long>();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(async () =>
        {
            await foreach (var row in ReportRows.ReadAsync<TrafficRow>(new NetworkLikeStream(bytes), ReportFormat.Json))
            {
                seen.Add(row.RowNumber);
            }
        });

        Assert.That(seen, Is.EqualTo(new long[] { 1 }), "the good row came first");
        Assert.That(error!.RowNumber, Is.EqualTo(2));
    }

    [Test]
    public async Task A_last_line_cut_short_without_its_newline_is_an_error_not_a_lost_row()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Good}\n{Good[..40]}");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
    }

    [Test]
    public async Task Json_null_values_leave_their_properties_unset_and_keep_the_rest()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"date":"2026-05-01","subuser_id":null,"product":"mobile","bandwidth_bytes":null,"requests":7}""" + "\n");

        var row = (await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Json)).Single();

        Assert.That(row.Requests, Is.EqualTo(7));
        Assert.That(row.Product, Is.EqualTo(ReportProduct.Mobile));
        Assert.That(() => row.SubuserId, Throws.InvalidOperationException.With.Message.Contains("subuser_id"));
        Assert.That(() => row.BandwidthBytes, Throws.InvalidOperationException.With.Message.Contains("bandwidth_bytes"));
        Assert.That(row.TryGetValue("subuser_id", out _), Is.False);
    }

    [Test]
    public async Task A_csv_cut_inside_a_quoted_field_is_an_error_not_a_value_running_to_the_end()
    {
        var bytes = Encoding.UTF8.GetBytes("date,subuser_id,product,bandwidth_bytes,requests\r\n2026-05-01,\"su_27c4,residential,40822");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(1));
    }

    [Test]
    public async Task A_csv_row_cut_before_its_last_fields_is_an_error_not_a_short_row()
    {
        var bytes = Encoding.UTF8.GetBytes("date,subuser_id,product,bandwidth_bytes,requests\r\n2026-05-01,su_27c4,residential,4082297694,50982\r\n2026-05-01,su_27c4,mob");

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv));

        Assert.That(error!.RowNumber, Is.EqualTo(2));
    }

    [Test]
    public async Task Latin_1_bytes_in_a_csv_are_an_error_not_replacement_characters()
    {
        var bytes = Encoding.Latin1.GetBytes("date,subuser_id,product,bandwidth_bytes,requests\r\n2026-05-01,équipe,residential,1,1\r\n");

        Assert.That(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv), Throws.InstanceOf<ReportRowFormatException>());
    }
}
