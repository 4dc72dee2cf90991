using System.Diagnostics;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static HeloData.Reports.TelemetryNames;

namespace HeloData.Reports.Tests.Diagnostics;

/// <summary>One Client span per public operation, with its ids, and failures as codes that carry no secret.</summary>
public sealed class TracingTests
{
    private const string Page = """{"reports":[],"recent_runs":[],"next_cursor":null}""";

    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness(o => o.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Each_endpoint_call_is_one_client_span_named_after_its_operation_with_its_ids()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(201, ContractDocuments.ContractReport),
            ClientHarness.Json(200, ContractDocuments.ContractReport),
            ClientHarness.Json(200, ContractDocuments.ContractReport),
            ClientHarness.Status(204),
            ClientHarness.Json(200, Page),
            ClientHarness.Json(202, ContractDocuments.SeedRunAccepted),
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_tr_7")));
        using var telemetry = new TelemetryCapture();
        var client = _harness.Client;

        var created = await client.CreateReportAsync(new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv));
        await client.GetReportAsync("rep_tr_1");
        await client.UpdateReportAsync("rep_tr_2", new ReportUpdate { Schedule = null });
        await client.DeleteReportAsync("rep_tr_3");
        await client.ListReportsAsync(pageSize: 5);
        var accepted = await client.RunReportAsync("rep_tr_4");
        await client.GetRunAsync("run_tr_7");

        var spans = telemetry.Spans;
        Assert.That(spans.Select(s => s.DisplayName), Is.EqualTo(new[]
        {
            "HeloData.Reports CreateReport", "HeloData.Reports GetReport", "HeloData.Reports UpdateReport", "HeloData.Reports DeleteReport",
            "HeloData.Reports ListReports", "HeloData.Reports RunReport", "HeloData.Reports GetRun",
        }));
        Assert.That(spans.Select(s => s.GetTagItem(OperationTagName)), Is.EqualTo(new[]
        {
            CreateReportOperation, GetReportOperation, UpdateReportOperation, DeleteReportOperation, ListReportsOperation, RunReportOperation, GetRunOperation,
        }));
        Assert.That(spans.Select(s => s.GetTagItem(ReportIdTagName)), Is.EqualTo(new object?[]
        {
            created.Id, "rep_tr_1", "rep_tr_2", "rep_tr_3", null, "rep_tr_4", "rep_1",
        }));
        Assert.That(spans.Select(s => s.GetTagItem(RunIdTagName)), Is.EqualTo(new object?[]
        {
            null, null, null, null, null, accepted.RunId, "run_tr_7",
        }));
        Assert.That(spans.Select(s => s.Kind), Is.All.EqualTo(ActivityKind.Client));
        Assert.That(spans.Select(s => s.Status), Is.All.EqualTo(ActivityStatusCode.Unset));
        Assert.That(spans.Select(s => s.ParentSpanId), Is.All.EqualTo(telemetry.RootSpanId));
        Assert.That(spans.Select(s => s.Source.Version ?? ""), Is.All.Not.Empty, "the source carries the package version");
    }

    [Test]
    public async Task A_404_is_an_error_span_with_the_error_code_and_nothing_from_the_message()
    {
        _harness.Respond(ClientHarness.Error(404, "not_found", $"no report for {ClientHarness.ApiKey} at https://dl.example/a.csv?sig=leak"));
        using var telemetry = new TelemetryCapture();

        await Fails.With(() => _harness.Client.GetReportAsync("rep_tr_404"));

        var span = telemetry.Spans.Single();
        Assert.That(span.DisplayName, Is.EqualTo("HeloData.Reports GetReport"));
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem(ErrorTypeTagName), Is.EqualTo("not_found"));
        Assert.That(span.GetTagItem(ReportIdTagName), Is.EqualTo("rep_tr_404"));
        Assert.That(span.Events, Is.Empty, "no exception event: its message is not ours to vet");
        AssertNoSecrets(telemetry);
    }

    [Test]
    public async Task Spans_carry_the_request_id_of_the_answer_whether_it_succeeded_or_not()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_tr_rq")).WithHeader("X-Request-Id", "req_ok_1"),
            ClientHarness.Error(404, "not_found", requestId: "req_body_2"),
            ClientHarness.Json(200, ContractDocuments.ContractReport));
        using var telemetry = new TelemetryCapture();

        await _harness.Client.GetRunAsync("run_tr_rq");
        await Fails.With(() => _harness.Client.GetReportAsync("rep_tr_rq"));
        await _harness.Client.GetReportAsync("rep_tr_rq");

        Assert.That(telemetry.Spans.Select(s => s.GetTagItem(RequestIdTagName)), Is.EqualTo(new object?[] { "req_ok_1", "req_body_2", null }));
    }

    [Test]
    public async Task A_cancelled_call_is_an_error_span_of_type_cancelled()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractReport).WithDelay(TimeSpan.FromSeconds(2)));
        using var telemetry = new TelemetryCapture();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThatAsync(() => _harness.Client.GetReportAsync("rep_tr_c", cancellation.Token), Throws.InstanceOf<OperationCanceledException>());

        var span = telemetry.Spans.Single();
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem(ErrorTypeTagName), Is.EqualTo(CancelledOutcome));
        Assert.That(telemetry.Of(RequestsInstrumentName).Single().Tag(OutcomeTagName), Is.EqualTo(CancelledOutcome));
    }

    [Test]
    public async Task A_wait_is_one_span_whose_children_are_its_polls()
    {
        var time = new DelayTrackingClock(FakeClock.Start);
        using var harness = new ClientHarness(
            o =>
            {
                // The fake clock moves while a request is on the wire: no transport timeout may fire.
                o.AttemptTimeout = TimeSpan.FromHours(1);
                o.TotalTimeout = TimeSpan.FromHours(2);
            },
            time);
        harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("queued", runId: "run_tr_w")),
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_tr_w")),
            ClientHarness.Json(200, RunJson.Completed(null, runId: "run_tr_w")));
        using var telemetry = new TelemetryCapture();

        await FakeClock.DriveDelaysAsync(time, harness.Client.WaitForCompletionAsync("run_tr_w"));

        var wait = telemetry.Spans.Single(s => s.DisplayName == "HeloData.Reports WaitForCompletion");
        var polls = telemetry.Spans.Where(s => s.DisplayName == "HeloData.Reports GetRun").ToList();
        Assert.That(wait.GetTagItem(RunIdTagName), Is.EqualTo("run_tr_w"));
        Assert.That(wait.GetTagItem(ReportIdTagName), Is.EqualTo("rep_1"));
        Assert.That(wait.ParentSpanId, Is.EqualTo(telemetry.RootSpanId));
        Assert.That(polls, Has.Count.EqualTo(3));
        Assert.That(polls.Select(p => p.ParentSpanId), Is.All.EqualTo(wait.SpanId));
        Assert.That(polls.Select(p => p.GetTagItem(RunIdTagName)), Is.All.EqualTo("run_tr_w"));
    }

    [Test]
    public async Task Download_spans_carry_the_run_and_never_the_signed_url()
    {
        var downloads = WireMockServer.Start();
        try
        {
            downloads.Given(Request.Create().WithPath("/runs/old.csv")).RespondWith(Response.Create().WithStatusCode(403));
            downloads.Given(Request.Create().WithPath("/runs/new.csv"))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/csv").WithBody("a,b\n1,2\n"));
            var fresh = new Uri($"{downloads.Url}/runs/new.csv?sig=fresh");
            _harness.Respond(ClientHarness.Json(200, RunJson.Completed(fresh, runId: "run_tr_d")));
            var stale = ReportsModelFactory.ReportRun(
                runId: "run_tr_d", reportId: "rep_tr_d", status: RunStatus.Completed, downloadUrl: new Uri($"{downloads.Url}/runs/old.csv?sig=stale"));
            using var telemetry = new TelemetryCapture();

            await _harness.Client.DownloadAsync(stale, Stream.Null);
            await using (var stream = await _harness.Client.OpenReadAsync(ReportsModelFactory.ReportRun(runId: "run_tr_o", status: RunStatus.Completed, downloadUrl: fresh)))
            {
                await stream.CopyToAsync(Stream.Null);
            }

            var download = telemetry.Spans.Single(s => s.DisplayName == "HeloData.Reports Download");
            var refresh = telemetry.Spans.Single(s => s.DisplayName == "HeloData.Reports GetRun");
            var open = telemetry.Spans.Single(s => s.DisplayName == "HeloData.Reports OpenRead");
            Assert.That(download.GetTagItem(RunIdTagName), Is.EqualTo("run_tr_d"));
            Assert.That(download.GetTagItem(ReportIdTagName), Is.EqualTo("rep_tr_d"));
            Assert.That(refresh.ParentSpanId, Is.EqualTo(download.SpanId), "the URL refresh is part of the download");
            Assert.That(open.GetTagItem(RunIdTagName), Is.EqualTo("run_tr_o"));
            Assert.That(telemetry.Spans.Select(s => s.Status), Is.All.EqualTo(ActivityStatusCode.Unset));
            AssertNoSecrets(telemetry);
        }
        finally
        {
            downloads.Stop();
            downloads.Dispose();
        }
    }

    [Test]
    public async Task A_download_that_cannot_start_is_an_error_span_with_its_code()
    {
        using var telemetry = new TelemetryCapture();
        _harness.Respond(ClientHarness.Json(200, RunJson.Completed(null, runId: "run_tr_p")));
        var pushed = ReportsModelFactory.ReportRun(runId: "run_tr_p", status: RunStatus.Completed, downloadUrl: null);

        await Fails.With(() => _harness.Client.DownloadToFileAsync(pushed, Path.Combine(Path.GetTempPath(), "never-written.csv")));

        var span = telemetry.Spans.Single(s => s.DisplayName != "HeloData.Reports GetRun");
        Assert.That(span.DisplayName, Is.EqualTo("HeloData.Reports DownloadToFile"));
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem(ErrorTypeTagName), Is.EqualTo("no_download_url"));
    }

    [Test]
    public void A_call_refused_for_its_arguments_is_no_span()
    {
        using var telemetry = new TelemetryCapture();

        Assert.Throws<ArgumentException>(() => _harness.Client.GetReportAsync(" "));

        Assert.That(telemetry.Spans, Is.Empty);
        Assert.That(telemetry.Measurements, Is.Empty);
    }

    private static void AssertNoSecrets(TelemetryCapture telemetry)
    {
        var texts = telemetry.Spans
            .SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName).Append(s.StatusDescription ?? ""))
            .Concat(telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")))
            .ToList();
        Assert.That(texts, Is.Not.Empty);
        Assert.That(texts.Where(t => t.Contains(ClientHarness.ApiKey, StringComparison.Ordinal)), Is.Empty);
        Assert.That(texts.Where(t => t.Contains("sig=", StringComparison.Ordinal)), Is.Empty);
    }
}
