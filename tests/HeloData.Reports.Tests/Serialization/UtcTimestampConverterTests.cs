using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>Timestamps are RFC 3339 in UTC, written with <c>Z</c> as the contract shows them.</summary>
public sealed class UtcTimestampConverterTests
{
    [TestCase("2026-05-01T09:00:00Z", "2026-05-01T09:00:00Z")]
    [TestCase("2026-05-01T09:00:00.5Z", "2026-05-01T09:00:00.5Z")]
    [TestCase("2026-05-01T09:00:00.1234567Z", "2026-05-01T09:00:00.1234567Z")]
    [TestCase("2026-05-01T11:00:00+02:00", "2026-05-01T09:00:00Z")]
    [TestCase("2026-05-01T09:00:00", "2026-05-01T09:00:00Z")]
    public void Timestamps_are_read_as_utc_and_written_with_Z(string input, string written)
    {
        var run = Json.Deserialize<ReportRun>($$"""{"created_at":"{{input}}"}""");

        Assert.That(run.CreatedAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(Json.Serialize(run), Does.Contain($"\"created_at\":\"{written}\""));
    }

    [Test]
    public void A_local_offset_is_converted_to_utc_on_write()
    {
        var run = new ReportRun { CreatedAt = new DateTimeOffset(2026, 5, 1, 11, 0, 0, TimeSpan.FromHours(2)) };

        Assert.That(Json.Serialize(run), Does.Contain("\"created_at\":\"2026-05-01T09:00:00Z\""));
    }

    [TestCase("\"yesterday\"")]
    [TestCase("1714554000")]
    public void Anything_but_a_timestamp_string_is_a_json_error(string value)
    {
        Assert.Throws<JsonException>(() => Json.Deserialize<ReportRun>($$"""{"created_at":{{value}}}"""));
    }
}
