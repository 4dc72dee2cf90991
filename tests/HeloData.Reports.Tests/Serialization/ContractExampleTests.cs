using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>The published page's and the contract file's examples, checked against the typed models.</summary>
public sealed class ContractExampleTests
{
    [Test]
    public void Typed_create_request_serializes_json_equal_to_the_published_curl_example()
    {
        var report = new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
        {
            Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
            Schedule = "0 9 * * MON",
            Destination = new EmailDestination("ops@acme.com"),
        };

        Json.AssertEqual(Json.Serialize(report), ContractDocuments.SeedCreateBody);
    }

    [Test]
    public void Typed_run_window_serializes_json_equal_to_the_published_example()
    {
        var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };

        Json.AssertEqual(Json.Serialize(window), ContractDocuments.SeedRunWindowBody);
    }

    [Test]
    public void Published_run_response_parses()
    {
        var accepted = Json.Deserialize<RunAccepted>(ContractDocuments.SeedRunAccepted);

        Assert.That(accepted.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(accepted.Status, Is.EqualTo(RunStatus.Queued));
        Assert.That(accepted.AdditionalProperties, Is.Empty);
    }

    [Test]
    public void Contract_report_definition_parses_every_field()
    {
        var report = Json.Deserialize<Report>(ContractDocuments.ContractReport);

        Assert.That(report.Id, Is.EqualTo("rep_01HX2K3PQ4M5"));
        Assert.That(report.Name, Is.EqualTo("weekly-traffic"));
        Assert.That(report.Type, Is.EqualTo(ReportType.Traffic));
        Assert.That(report.Filters!.Products, Is.EqualTo(new[] { ReportProduct.Residential, ReportProduct.Mobile }));
        Assert.That(report.Schedule, Is.EqualTo("0 9 * * MON"));
        Assert.That(report.Format, Is.EqualTo(ReportFormat.Csv));
        Assert.That(report.Destination, Is.TypeOf<EmailDestination>().With.Property(nameof(EmailDestination.Email)).EqualTo("ops@acme.com"));
        Assert.That(report.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(report.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(report.NextRunAt, Is.EqualTo(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(report.AdditionalProperties, Is.Empty);
    }

    [Test]
    public void Contract_run_parses_every_field()
    {
        var run = Json.Deserialize<ReportRun>(ContractDocuments.ContractRun);

        Assert.That(run.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(run.ReportId, Is.EqualTo("rep_01HX2K3PQ4M5"));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(run.Status.IsTerminal, Is.True);
        Assert.That(run.From, Is.EqualTo(new DateOnly(2026, 5, 1)));
        Assert.That(run.To, Is.EqualTo(new DateOnly(2026, 5, 28)));
        Assert.That(run.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 29, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(run.CompletedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 29, 10, 2, 13, TimeSpan.Zero)));
        Assert.That(run.DownloadUrl, Is.EqualTo(new Uri("https://downloads.helodata.com/runs/run_01HX2K3PQ4M5.csv?expires=...&sig=...")));
        Assert.That(run.DownloadUrlExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 5, 29, 11, 2, 13, TimeSpan.Zero)));
        Assert.That(run.Error, Is.Null);
    }

    [Test]
    public void Contract_error_body_parses()
    {
        var error = Json.Deserialize<ApiErrorResponse>(ContractDocuments.ContractError).Error!;

        Assert.That(error.Code, Is.EqualTo(ReportsErrorCode.InvalidCron));
        Assert.That(error.Message, Is.EqualTo("…"));
        Assert.That(error.RequestId, Is.EqualTo("req_…"));
    }

    [Test]
    public void Failed_run_carries_its_error_code_and_message()
    {
        var run = Json.Deserialize<ReportRun>(
            """{"run_id":"run_1","report_id":"rep_1","status":"failed","error":{"code":"internal_error","message":"exporter crashed"}}""");

        Assert.That(run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(run.Status.IsTerminal, Is.True);
        Assert.That(run.Error!.Code, Is.EqualTo(ReportsErrorCode.InternalError));
        Assert.That(run.Error.Message, Is.EqualTo("exporter crashed"));
    }

    private static IEnumerable<TestCaseData> Examples()
    {
        yield return new TestCaseData(ContractDocuments.SeedCreateBody, (Func<string, string>)Json.RoundTrip<NewReport>).SetArgDisplayNames("seed create body");
        yield return new TestCaseData(ContractDocuments.SeedRunWindowBody, (Func<string, string>)Json.RoundTrip<RunWindow>).SetArgDisplayNames("seed run window");
        yield return new TestCaseData(ContractDocuments.SeedRunAccepted, (Func<string, string>)Json.RoundTrip<RunAccepted>).SetArgDisplayNames("seed run accepted");
        yield return new TestCaseData(ContractDocuments.ContractReport, (Func<string, string>)Json.RoundTrip<Report>).SetArgDisplayNames("contract report");
        yield return new TestCaseData(ContractDocuments.ContractRun, (Func<string, string>)Json.RoundTrip<ReportRun>).SetArgDisplayNames("contract run");
        yield return new TestCaseData(ContractDocuments.ContractError, (Func<string, string>)Json.RoundTrip<ApiErrorResponse>).SetArgDisplayNames("contract error");
        var list = $$"""{"reports":[{{ContractDocuments.ContractReport}}],"recent_runs":[{{ContractDocuments.ContractRun}}],"next_cursor":null}""";
        yield return new TestCaseData(list, (Func<string, string>)Json.RoundTrip<ReportList>).SetArgDisplayNames("contract list");
    }

    [TestCaseSource(nameof(Examples))]
    public void Every_documented_example_round_trips_unchanged(string example, Func<string, string> roundTrip) =>
        Json.AssertEqual(roundTrip(example), example);
}
