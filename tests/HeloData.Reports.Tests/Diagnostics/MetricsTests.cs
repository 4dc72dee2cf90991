using System.Security.Cryptography;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static HeloData.Reports.TelemetryNames;

namespace HeloData.Reports.Tests.Diagnostics;

/// <summary>The meter's instruments: one request and one duration per operation call, polls per wait, bytes per download.</summary>
public sealed class MetricsTests
{
    private static readonly byte[] Artifact = RandomNumberGenerator.GetBytes(300_000);

    [Test]
    public async Task Each_operation_call_counts_once_with_its_outcome_however_many_attempts_it_took()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(
            ClientHarness.Status(503),
            ClientHarness.Json(200, ContractDocuments.ContractReport),
            ClientHarness.Error(404, "not_found"));
        using var telemetry = new TelemetryCapture();

        await harness.Client.GetReportAsync("rep_m_1");
        await Fails.With(() => harness.Client.GetReportAsync("rep_m_2"));

        Assert.That(harness.RequestCount, Is.EqualTo(3), "the 503 was retried");
        var requests = telemetry.Of(RequestsInstrumentName);
        var durations = telemetry.Of(RequestDurationInstrumentName);
        Assert.That(requests.Select(m => m.Value), Is.EqualTo(new[] { 1.0, 1.0 }));
        Assert.That(requests.Select(m => m.Tag(OutcomeTagName)), Is.EqualTo(new[] { SuccessOutcome, "not_found" }));
        Assert.That(durations.Select(m => m.Tag(OutcomeTagName)), Is.EqualTo(new[] { SuccessOutcome, "not_found" }));
        Assert.That(durations.Min(m => m.Value), Is.GreaterThan(0.0));
        Assert.That(durations.Max(m => m.Value), Is.LessThan(60.0), "seconds, not milliseconds");
        Assert.That(
            requests.Concat(durations).Select(m => string.Join(",", m.Tags.Keys.Order())),
            Is.All.EqualTo($"{OperationTagName},{OutcomeTagName}"),
            "operation and outcome only: ids would make every report its own time series");
        Assert.That(requests.Concat(durations).Select(m => m.Tag(OperationTagName)), Is.All.EqualTo(GetReportOperation));
    }

    [Test]
    public async Task A_completed_wait_records_its_polls_once()
    {
        var time = new DelayTrackingClock(FakeClock.Start);
        using var harness = WaitHarness(time);
        harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("queued", runId: "run_m_w")),
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_m_w")),
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_m_w")),
            ClientHarness.Json(200, RunJson.Completed(null, runId: "run_m_w")));
        using var telemetry = new TelemetryCapture();

        await FakeClock.DriveDelaysAsync(time, harness.Client.WaitForCompletionAsync("run_m_w"));

        var polls = telemetry.Of(WaitPollsInstrumentName).Single();
        Assert.That(polls.Value, Is.EqualTo(4));
        Assert.That(polls.Tag(OutcomeTagName), Is.EqualTo(SuccessOutcome));
        var requests = telemetry.Of(RequestsInstrumentName);
        Assert.That(requests.Count(m => Equals(m.Tag(OperationTagName), GetRunOperation)), Is.EqualTo(4), "each poll is a GetRun call");
        Assert.That(requests.Count(m => Equals(m.Tag(OperationTagName), WaitForCompletionOperation)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_run_records_the_polls_of_its_wait_under_the_runs_error_code()
    {
        var time = new DelayTrackingClock(FakeClock.Start);
        using var harness = WaitHarness(time);
        harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_m_f")),
            ClientHarness.Json(200, RunJson.Failed("internal_error", "exporter crashed", runId: "run_m_f")));
        using var telemetry = new TelemetryCapture();

        await Fails.With(() => FakeClock.DriveDelaysAsync(time, harness.Client.WaitForCompletionAsync("run_m_f")));

        var polls = telemetry.Of(WaitPollsInstrumentName).Single();
        Assert.That(polls.Value, Is.EqualTo(2));
        Assert.That(polls.Tag(OutcomeTagName), Is.EqualTo("internal_error"));
    }

    [Test]
    public async Task A_timed_out_wait_records_every_poll_it_made()
    {
        var time = new DelayTrackingClock(FakeClock.Start);
        using var harness = WaitHarness(time);
        harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running", runId: "run_m_t")));
        using var telemetry = new TelemetryCapture();

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(
            time, harness.Client.WaitForCompletionAsync("run_m_t", new WaitForCompletionOptions { MaxWait = TimeSpan.FromMinutes(2) })));

        Assert.That(error, Is.InstanceOf<ReportRunTimeoutException>());
        var polls = telemetry.Of(WaitPollsInstrumentName).Single();

        // The poll in flight when MaxWait ran out counts as made, but the server may not have
        // logged it before the cancellation reached it.
        Assert.That(polls.Value, Is.InRange((double)harness.RequestCount, harness.RequestCount + 1.0).And.GreaterThan(10.0));
        Assert.That(polls.Tag(OutcomeTagName), Is.EqualTo("timeout"));
    }

    [TestCase(DownloadOperation)]
    [TestCase(DownloadToFileOperation)]
    [TestCase(OpenReadOperation)]
    public async Task Downloaded_bytes_add_up_to_the_artifact_exactly_once(string operation)
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 0);
        var downloads = WireMockServer.Start();
        var folder = Directory.CreateTempSubdirectory("helodata-telemetry-").FullName;
        try
        {
            downloads.Given(Request.Create().UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/csv").WithBody(Artifact));
            var run = ReportsModelFactory.ReportRun(
                runId: "run_m_d", status: RunStatus.Completed, downloadUrl: new Uri($"{downloads.Url}/runs/run_m_d.csv?sig=abc"));
            using var telemetry = new TelemetryCapture();

            switch (operation)
            {
                case DownloadOperation:
                    await harness.Client.DownloadAsync(run, Stream.Null);
                    break;
                case DownloadToFileOperation:
                    await harness.Client.DownloadToFileAsync(run, Path.Combine(folder, "a.csv"));
                    break;
                default:
                    await using (var stream = await harness.Client.OpenReadAsync(run))
                    {
                        // The caller's own reads, after the OpenRead span has ended, count too.
                        await stream.CopyToAsync(Stream.Null);
                    }

                    break;
            }

            Assert.That(telemetry.Of(DownloadBytesInstrumentName).Sum(m => m.Value), Is.EqualTo(Artifact.Length));
            var request = telemetry.Of(RequestsInstrumentName).Single();
            Assert.That(request.Tag(OperationTagName), Is.EqualTo(operation));
            Assert.That(request.Tag(OutcomeTagName), Is.EqualTo(SuccessOutcome));
        }
        finally
        {
            downloads.Stop();
            downloads.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ClientHarness WaitHarness(FakeTimeProvider time) => new(
        o =>
        {
            // The fake clock moves while a request is on the wire: no transport timeout may fire.
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.TotalTimeout = TimeSpan.FromHours(2);
        },
        time);
}
