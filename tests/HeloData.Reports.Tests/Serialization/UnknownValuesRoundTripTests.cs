using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>
/// Values and fields this SDK version does not know (a sixth report type, a new status, a new
/// destination, new properties at any depth) are read without failing and written back unchanged.
/// </summary>
public sealed class UnknownValuesRoundTripTests
{
    private const string FutureReport = """
        {
          "id": "rep_9",
          "name": "future",
          "type": "geo_heatmap",
          "filters": { "products": ["residential", "satellite"], "countries": ["DE", "FR"] },
          "schedule": null,
          "format": "avro",
          "destination": { "type": "azure_blob", "container": "exports", "sas": "sv=2026&sig=abc" },
          "created_at": "2026-05-01T09:00:00Z",
          "updated_at": "2026-05-01T09:00:00.25Z",
          "next_run_at": null,
          "owner": { "team": "bi", "tags": [1, true, null] },
          "labels": ["a"]
        }
        """;

    private const string FutureRun = """
        {
          "run_id": "run_9",
          "report_id": "rep_9",
          "status": "throttled",
          "from": "2026-05-01",
          "to": "2026-05-28",
          "created_at": "2026-05-29T10:00:00Z",
          "completed_at": null,
          "download_url": null,
          "download_url_expires_at": null,
          "error": { "code": "quota_exceeded", "message": "later", "retry_in": 30 },
          "row_count": 1234,
          "progress": 0.5
        }
        """;

    [Test]
    public void Unknown_type_format_product_destination_and_fields_of_a_report_are_exposed_and_round_trip()
    {
        var report = Json.Deserialize<Report>(FutureReport);

        Assert.That(report.Type.ToString(), Is.EqualTo("geo_heatmap"));
        Assert.That(report.Format.ToString(), Is.EqualTo("avro"));
        Assert.That(report.Filters!.Products![1].ToString(), Is.EqualTo("satellite"));
        Assert.That(report.Filters.AdditionalProperties.Keys, Is.EqualTo(new[] { "countries" }));
        var destination = (UnknownDestination)report.Destination!;
        Assert.That(destination.Type, Is.EqualTo("azure_blob"));
        Assert.That(destination.RawJson.GetProperty("container").GetString(), Is.EqualTo("exports"));
        Assert.That(report.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "owner", "labels" }));
        Json.AssertEqual(Json.Serialize(report), FutureReport);
    }

    [Test]
    public void Unknown_status_error_code_and_fields_of_a_run_are_exposed_and_round_trip()
    {
        var run = Json.Deserialize<ReportRun>(FutureRun);

        Assert.That(run.Status, Is.EqualTo(new RunStatus("throttled")));
        Assert.That(run.Status.IsTerminal, Is.False, "an unknown status means the run is still in progress");
        Assert.That(run.Error!.Code.ToString(), Is.EqualTo("quota_exceeded"));
        Assert.That(run.Error.AdditionalProperties["retry_in"].GetInt32(), Is.EqualTo(30));
        Assert.That(run.AdditionalProperties["row_count"].GetInt32(), Is.EqualTo(1234));
        Json.AssertEqual(Json.Serialize(run), FutureRun);
    }

    [Test]
    public void Unknown_fields_of_a_list_page_and_of_the_accepted_run_round_trip()
    {
        var list = $$"""{"reports":[{{FutureReport}}],"recent_runs":[{{FutureRun}}],"next_cursor":"c2","total":7}""";
        var accepted = """{"run_id":"run_9","status":"scheduled","eta_seconds":40}""";

        Json.AssertEqual(Json.RoundTrip<ReportList>(list), list);
        Json.AssertEqual(Json.RoundTrip<RunAccepted>(accepted), accepted);
        Assert.That(Json.Deserialize<RunAccepted>(accepted).Status.ToString(), Is.EqualTo("scheduled"));
    }

    [Test]
    public void Unknown_fields_survive_a_read_modify_write_through_ReportUpdate()
    {
        var report = Json.Deserialize<Report>(FutureReport);

        var update = ReportUpdate.FromReport(report);
        update.Name = "renamed";

        using var patch = JsonDocument.Parse(Json.Serialize(update));
        var root = patch.RootElement;
        Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("renamed"));
        Assert.That(root.GetProperty("type").GetString(), Is.EqualTo("geo_heatmap"));
        Assert.That(root.GetProperty("format").GetString(), Is.EqualTo("avro"));
        Assert.That(root.GetProperty("schedule").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Json.AssertEqual(root.GetProperty("filters").GetRawText(), """{ "products": ["residential", "satellite"], "countries": ["DE", "FR"] }""");
        Json.AssertEqual(root.GetProperty("destination").GetRawText(), """{ "type": "azure_blob", "container": "exports", "sas": "sv=2026&sig=abc" }""");
        Json.AssertEqual(root.GetProperty("owner").GetRawText(), """{ "team": "bi", "tags": [1, true, null] }""");
        Assert.That(root.TryGetProperty("id", out _), Is.False, "read-only fields are not sent back");
        Assert.That(root.TryGetProperty("created_at", out _), Is.False);
        Assert.That(root.TryGetProperty("updated_at", out _), Is.False);
        Assert.That(root.TryGetProperty("next_run_at", out _), Is.False);
    }
}
