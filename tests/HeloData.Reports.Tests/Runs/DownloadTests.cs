using System.Security.Cryptography;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// Downloads from a second WireMock server standing in for the download host, which must never see
/// the API key.
/// </summary>
public sealed class DownloadTests
{
    private static readonly byte[] Artifact = RandomNumberGenerator.GetBytes(300_000);

    private ClientHarness _api = null!;
    private WireMockServer _downloads = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new ClientHarness(o => o.MaxRetryAttempts = 0);
        _downloads = WireMockServer.Start();
        _folder = Directory.CreateTempSubdirectory("helodata-download-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
        _downloads.Stop();
        _downloads.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task The_artifact_streams_to_a_stream_without_any_Authorization_reaching_the_download_host()
    {
        var run = CompletedRun(ServeArtifact("/runs/run_1.csv"));
        var progress = new RecordingProgress<DownloadProgress>();
        using var destination = new MemoryStream();

        var result = await _api.Client.DownloadAsync(run, destination, new DownloadOptions { Progress = progress });

        Assert.That(destination.ToArray(), Is.EqualTo(Artifact));
        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(result.ContentType, Is.EqualTo("text/csv"));
        var request = _downloads.LogEntries.Single().RequestMessage;
        Assert.That(request.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        Assert.That(request.RawQuery, Does.Contain("sig=abc"));
        Assert.That(_api.RequestCount, Is.Zero, "a fresh URL needs no call to the API");
        Assert.That(progress.Values.Last(), Is.EqualTo(new DownloadProgress(Artifact.Length, null)), "WireMock chunks: no total");
        Assert.That(progress.Values.Select(p => p.BytesReceived), Is.Ordered.Ascending);
    }

    [Test]
    public async Task Progress_shows_the_total_when_the_host_sends_Content_Length()
    {
        using var host = new RawArtifactServer(Artifact);
        var progress = new RecordingProgress<DownloadProgress>();
        using var destination = new MemoryStream();

        await _api.Client.DownloadAsync(CompletedRun(host.Url), destination, new DownloadOptions { Progress = progress });

        Assert.That(destination.ToArray(), Is.EqualTo(Artifact));
        Assert.That(progress.Values.Select(p => p.TotalBytes), Is.All.EqualTo(Artifact.Length));
        Assert.That(progress.Values.Last().Fraction, Is.EqualTo(1.0));
        Assert.That(host.ReceivedHead, Does.Not.Contain("Authorization").IgnoreCase.And.Not.Contain(ClientHarness.ApiKey));
    }

    [Test]
    public async Task A_file_target_receives_the_whole_artifact_and_no_temporary_file_stays()
    {
        var run = CompletedRun(ServeArtifact("/runs/run_1.csv"));
        var target = Path.Combine(_folder, "traffic.csv");

        var result = await _api.Client.DownloadToFileAsync(run, target);

        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(Artifact));
        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }));
    }

    [Test]
    public async Task An_expired_url_answered_403_is_refreshed_once_then_the_download_succeeds()
    {
        _downloads.Given(Request.Create().WithPath("/runs/old.csv")).RespondWith(Response.Create().WithStatusCode(403));
        var fresh = ServeArtifact("/runs/new.csv");
        _api.Respond(ClientHarness.Json(200, RunJson.Completed(fresh)));
        var stale = CompletedRun(new Uri($"{_downloads.Url}/runs/old.csv?sig=old"));
        using var destination = new MemoryStream();

        await _api.Client.DownloadAsync(stale, destination);

        Assert.That(destination.ToArray(), Is.EqualTo(Artifact));
        Assert.That(_api.Requests.Single().Path, Is.EqualTo("/v1/reports/runs/run_1"));
        Assert.That(_downloads.LogEntries.Select(e => e.RequestMessage.Path), Is.EqualTo(new[] { "/runs/old.csv", "/runs/new.csv" }));
    }

    [Test]
    public async Task A_url_known_to_be_expired_is_refreshed_before_any_download_request()
    {
        var fresh = ServeArtifact("/runs/new.csv");
        _api.Respond(ClientHarness.Json(200, RunJson.Completed(fresh, DateTimeOffset.UtcNow.AddHours(1))));
        var expired = CompletedRun(new Uri($"{_downloads.Url}/runs/old.csv?sig=old"), DateTimeOffset.UtcNow.AddMinutes(-1));

        await _api.Client.DownloadAsync(expired, Stream.Null);

        Assert.That(_downloads.LogEntries.Select(e => e.RequestMessage.Path), Is.EqualTo(new[] { "/runs/new.csv" }));
        Assert.That(_api.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_url_still_refused_after_one_refresh_is_a_typed_error()
    {
        _downloads.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(403));
        var url = new Uri($"{_downloads.Url}/runs/run_1.csv?sig=x");
        _api.Respond(ClientHarness.Json(200, RunJson.Completed(url)));

        var error = await Fails.With(() => _api.Client.DownloadAsync(CompletedRun(url), Stream.Null));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadUrlExpired));
        Assert.That(_downloads.LogEntries.Count(), Is.EqualTo(2));
        Assert.That(_api.RequestCount, Is.EqualTo(1), "refreshed once, not in a loop");
    }

    [Test]
    public async Task A_body_cut_short_every_time_is_a_typed_error_after_two_restarts_and_leaves_no_file()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.MaxRetryAttempts = 0, time);
        using var truncating = new RawArtifactServer(new byte[1_000_000], cutAfter: 10_000);
        var target = Path.Combine(_folder, "traffic.csv");

        var error = await FakeClock.DriveAsync(time, Fails.With(() => api.Client.DownloadToFileAsync(CompletedRun(truncating.Url), target)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
        Assert.That(truncating.Requests, Is.EqualTo(1 + 2), "the first attempt and two restarts");
        Assert.That(File.Exists(target), Is.False);
        Assert.That(Directory.GetFiles(_folder), Is.Empty, "no partial or temporary file is left");
    }

    [Test]
    public async Task A_body_cut_short_once_is_downloaded_again_from_the_first_byte()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.MaxRetryAttempts = 0, time);
        using var host = new RawArtifactServer(Artifact, cutAfter: 100_000, faultyResponses: 1);
        var target = Path.Combine(_folder, "traffic.csv");
        File.WriteAllText(target, "an older export");

        var result = await FakeClock.DriveAsync(time, api.Client.DownloadToFileAsync(CompletedRun(host.Url), target));

        Assert.That(host.Requests, Is.EqualTo(2));
        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(Artifact), "the whole artifact, no bytes of the cut attempt");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }));
    }

    [Test]
    public async Task A_host_that_never_answers_fails_the_file_download_with_timeout_after_two_restarts()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(10), time);
        using var silent = new RawArtifactServer(Artifact, cutAfter: -1, fault: RawArtifactServer.Fault.Stall);
        var target = Path.Combine(_folder, "traffic.csv");

        var error = await FakeClock.DriveAsync(time, Fails.With(() => api.Client.DownloadToFileAsync(CompletedRun(silent.Url), target)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(error.Message, Does.Contain("no answer within 10 s"));
        Assert.That(silent.Requests, Is.EqualTo(3));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task A_body_that_stalls_once_is_cut_off_and_the_file_download_restarts()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(10), time);
        using var host = new RawArtifactServer(Artifact, cutAfter: 100_000, faultyResponses: 1, fault: RawArtifactServer.Fault.Stall);
        var target = Path.Combine(_folder, "traffic.csv");

        var result = await FakeClock.DriveAsync(time, api.Client.DownloadToFileAsync(CompletedRun(host.Url), target));

        Assert.That(host.Requests, Is.EqualTo(2));
        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(Artifact));
    }

    [Test]
    public async Task A_stalled_stream_from_OpenRead_throws_timeout_naming_the_bytes_received()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(10), time);
        using var host = new RawArtifactServer(Artifact, cutAfter: 100_000, fault: RawArtifactServer.Fault.Stall);
        await using var stream = await api.Client.OpenReadAsync(CompletedRun(host.Url));

        var error = await FakeClock.DriveAsync(time, Fails.With(() => stream.CopyToAsync(Stream.Null)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(error.Message, Does.Contain("sent nothing for 10 s after 100000 bytes"));
    }

    [Test]
    public async Task A_stalled_read_under_the_callers_own_token_still_times_out_and_the_caller_can_still_cancel()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(10), time);
        using var host = new RawArtifactServer(Artifact, cutAfter: 100_000, fault: RawArtifactServer.Fault.Stall);
        using var caller = new CancellationTokenSource();

        await using (var stream = await api.Client.OpenReadAsync(CompletedRun(host.Url)))
        {
            var error = await FakeClock.DriveAsync(time, Fails.With(() => stream.CopyToAsync(Stream.Null, caller.Token)));
            Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        }

        await using (var stream = await api.Client.OpenReadAsync(CompletedRun(host.Url)))
        {
            var copy = stream.CopyToAsync(Stream.Null, caller.Token);
            await Task.Delay(200); // real time: the copy is now waiting on the silent host
            await caller.CancelAsync();
            Assert.That(async () => await copy.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
        }
    }

    [Test]
    public async Task Time_the_reader_spends_between_reads_is_not_silence()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(10), time);
        using var host = new RawArtifactServer(Artifact);
        await using var stream = await api.Client.OpenReadAsync(CompletedRun(host.Url));
        using var copy = new MemoryStream();
        var buffer = new byte[1000];

        var first = await stream.ReadAsync(buffer);
        copy.Write(buffer, 0, first);
        time.Advance(TimeSpan.FromMinutes(10)); // the application is busy with the first rows
        await stream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(Artifact));
    }

    [Test]
    public void A_download_idle_timeout_out_of_range_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportsClient(new ReportsClientOptions { ApiKey = "key", DownloadIdleTimeout = TimeSpan.Zero }));

        Assert.That(error!.Message, Does.Contain("DownloadIdleTimeout"));
    }

    [Test]
    public async Task A_download_into_a_stream_is_not_restarted()
    {
        using var host = new RawArtifactServer(Artifact, cutAfter: 100_000, faultyResponses: 1);
        using var copy = new MemoryStream();

        var error = await Fails.With(() => _api.Client.DownloadAsync(CompletedRun(host.Url), copy));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
        Assert.That(host.Requests, Is.EqualTo(1), "what reached the caller's stream cannot be taken back");
    }

    [Test]
    public async Task A_cut_short_stream_from_OpenRead_throws_instead_of_ending_early()
    {
        using var truncating = new RawArtifactServer(new byte[500_000], cutAfter: 1_000);
        await using var stream = await _api.Client.OpenReadAsync(CompletedRun(truncating.Url));

        var error = await Fails.With(() => stream.CopyToAsync(Stream.Null));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
    }

    [Test]
    public async Task OpenRead_streams_the_artifact()
    {
        using var host = new RawArtifactServer(Artifact);
        using var copy = new MemoryStream();

        await using (var stream = await _api.Client.OpenReadAsync(CompletedRun(host.Url)))
        {
            Assert.That(stream.Length, Is.EqualTo(Artifact.Length));
            await stream.CopyToAsync(copy);
        }

        Assert.That(copy.ToArray(), Is.EqualTo(Artifact));
    }

    [Test]
    public async Task A_completed_run_that_has_no_url_even_when_read_again_has_nothing_to_download()
    {
        _api.Respond(ClientHarness.Json(200, RunJson.Completed(null, runId: "run_test")));
        var pushed = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: null);

        var error = await Fails.With(() => _api.Client.DownloadToFileAsync(pushed, Path.Combine(_folder, "x.csv")));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.NoDownloadUrl));
        Assert.That(error.Message, Does.Contain("also when read again from the service"));
        Assert.That(error.RunId, Is.EqualTo("run_test"));
        Assert.That(_api.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/v1/reports/runs/run_test" }), "read once, and only once");
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [TestCase("queued")]
    [TestCase("running")]
    [TestCase("failed")]
    [TestCase("something_new")]
    public async Task A_run_that_is_not_completed_cannot_be_downloaded(string status)
    {
        var run = ReportsModelFactory.ReportRun(status: new RunStatus(status), downloadUrl: new Uri($"{_downloads.Url}/x.csv"));

        var error = await Fails.With(() => _api.Client.DownloadAsync(run, Stream.Null));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.RunNotCompleted));
        Assert.That(_downloads.LogEntries, Is.Empty);
    }

    [Test]
    public async Task A_cancelled_file_download_leaves_no_file()
    {
        _downloads.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Artifact).WithDelay(TimeSpan.FromSeconds(1)));
        var target = Path.Combine(_folder, "traffic.csv");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(
            async () => await _api.Client.DownloadToFileAsync(CompletedRun(new Uri($"{_downloads.Url}/x.csv")), target, cancellationToken: cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task A_redirect_to_the_api_host_still_carries_no_key()
    {
        var apiHost = _api.BaseAddress;
        _downloads.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"{apiHost}reports/runs/run_1"));
        _api.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")));

        await _api.Client.DownloadAsync(CompletedRun(new Uri($"{_downloads.Url}/x.csv")), Stream.Null);

        Assert.That(_api.Requests.Single().Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
    }

    private Uri ServeArtifact(string path)
    {
        _downloads.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "text/csv")
                .WithBody(Artifact));
        return new Uri($"{_downloads.Url}{path}?expires=1&sig=abc");
    }

    private static ReportRun CompletedRun(Uri url, DateTimeOffset? expiresAt = null) =>
        ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed, downloadUrl: url, downloadUrlExpiresAt: expiresAt);
}
