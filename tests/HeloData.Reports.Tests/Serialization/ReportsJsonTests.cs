using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>
/// <see cref="ReportsJson"/> is the public way to get back what the service sent: the same text the
/// client would read again, unknown fields, unknown values and nulls included.
/// </summary>
public sealed class ReportsJsonTests
{
    private const string Report = """
        {
          "id": "rep_9",
          "name": "future",
          "type": "geo_heatmap",
          "filters": { "products": ["residential"], "countries": ["DE"] },
          "schedule": "0 9 * * MON",
          "format": "csv",
          "destination": { "type": "webhook", "url": "https://hooks.example.com/in", "signing_secret": "whsec_x", "retries": 3 },
          "created_at": "2026-05-01T09:00:00Z",
          "updated_at": "2026-05-01T09:00:00.25Z",
          "next_run_at": null,
          "owner": { "team": "bi" }
        }
        """;

    private const string Run = """
        {
          "run_id": "run_9",
          "report_id": "rep_9",
          "status": "failed",
          "from": "2026-05-01",
          "to": "2026-05-28",
          "created_at": "2026-05-29T10:00:00Z",
          "completed_at": "2026-05-29T10:01:00Z",
          "download_url": null,
          "download_url_expires_at": null,
          "error": { "code": "quota_exceeded", "message": "later" },
          "row_count": 1234
        }
        """;

    [Test]
    public void A_report_is_written_as_the_service_sent_it()
    {
        Json.AssertEqual(ReportsJson.Serialize(Json.Deserialize<Report>(Report)), Report);
    }

    [Test]
    public void A_run_is_written_as_the_service_sent_it()
    {
        Json.AssertEqual(ReportsJson.Serialize(Json.Deserialize<ReportRun>(Run)), Run);
    }

    [Test]
    public void An_accepted_run_and_a_list_page_are_written_as_the_service_sent_them()
    {
        var list = $$"""{"reports":[{{Report}}],"recent_runs":[{{Run}}],"next_cursor":null,"total":1}""";
        var accepted = """{"run_id":"run_9","status":"queued","eta_seconds":40}""";

        Json.AssertEqual(ReportsJson.Serialize(Json.Deserialize<ReportList>(list)), list);
        Json.AssertEqual(ReportsJson.Serialize(Json.Deserialize<RunAccepted>(accepted)), accepted);
    }

    [Test]
    public void What_it_writes_is_one_line_the_client_reads_back_unchanged()
    {
        var written = ReportsJson.Serialize(Json.Deserialize<Report>(Report));

        Assert.That(written, Does.Not.Contain("\n"), "one document per line, for logs and jq");
        Json.AssertEqual(ReportsJson.Serialize(Json.Deserialize<Report>(written)), Report);
    }

    [Test]
    public void Models_built_by_the_factory_are_written_too()
    {
        var run = ReportsModelFactory.ReportRun(runId: "run_1", reportId: "rep_1", status: RunStatus.Completed, from: new DateOnly(2026, 5, 1));

        Json.AssertEqual(
            ReportsJson.Serialize(run),
            """{"run_id":"run_1","report_id":"rep_1","status":"completed","from":"2026-05-01","to":null,"created_at":null,"completed_at":null,"download_url":null,"download_url_expires_at":null,"error":null}""");
    }

    [Test]
    public void A_null_model_is_refused_by_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ReportsJson.Serialize((Report)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("report"));
            Assert.That(() => ReportsJson.Serialize((ReportRun)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("run"));
            Assert.That(() => ReportsJson.Serialize((RunAccepted)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("accepted"));
            Assert.That(() => ReportsJson.Serialize((ReportList)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("list"));
        });
    }
}
