using HeloData.Reports.Models;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>Each fault knob, seen through the client's resilience.</summary>
public sealed class FaultInjectionTests
{
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task A_rate_limit_is_waited_out_and_even_a_run_is_retried_because_429_proves_nothing_was_done()
    {
        var report = await _client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv));
        _sandbox.Faults.RateLimit(2, TimeSpan.FromSeconds(1));

        var accepted = await _client.RunReportAsync(report.Id);

        Assert.That(accepted.RunId, Does.StartWith("run_"));
        Assert.That(_sandbox.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/run", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(_sandbox.Requests.Where(r => r.PathAndQuery.EndsWith("/run", StringComparison.Ordinal)).Select(r => r.Status), Is.EqualTo(new[] { 429, 429, 202 }));
    }

    [Test]
    public async Task A_5xx_burst_is_retried_for_reads()
    {
        var report = await _client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv));
        _sandbox.Faults.ServerErrors(2, 502);

        var read = await _client.GetReportAsync(report.Id);

        Assert.That(read.Id, Is.EqualTo(report.Id));
        Assert.That(_sandbox.Requests.TakeLast(3).Select(r => r.Status), Is.EqualTo(new[] { 502, 502, 200 }));
    }

    [Test]
    public async Task A_5xx_on_a_run_is_not_retried_so_no_second_run_is_started()
    {
        var report = await _client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv));
        _sandbox.Faults.ServerErrors(1, 500);

        var error = await Fails.With(() => _client.RunReportAsync(report.Id));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InternalError));
        Assert.That(_sandbox.Requests.Count(r => r.PathAndQuery.EndsWith("/run", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_dropped_connection_on_a_read_is_retried()
    {
        var report = await _client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv));
        _sandbox.Faults.DropConnections(1);

        var read = await _client.GetReportAsync(report.Id);

        Assert.That(read.Id, Is.EqualTo(report.Id));
        Assert.That(_sandbox.Requests.TakeLast(2).Select(r => r.Status), Is.EqualTo(new[] { 0, 200 }));
    }

    [Test]
    public async Task Latency_beyond_the_attempt_timeout_is_a_typed_timeout()
    {
        using var impatient = _sandbox.CreateClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetryAttempts = 0;
        });
        _sandbox.Faults.Latency(TimeSpan.FromMilliseconds(600), requests: 1);

        var error = await Fails.With(() => impatient.ListReportsAsync());

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
    }

    [Test]
    public async Task An_expired_url_is_refreshed_by_the_client_and_the_download_succeeds()
    {
        var run = await CompletedRunAsync(_client);
        _sandbox.ExpireDownloadUrl(run.RunId);

        using var artifact = new MemoryStream();
        await _client.DownloadAsync(run, artifact);

        Assert.That(artifact.Length, Is.GreaterThan(0));
        var downloads = _sandbox.Requests.Where(r => r.Host == "downloads").Select(r => r.Status);
        Assert.That(downloads, Is.EqualTo(new[] { 403, 200 }));
        Assert.That(_sandbox.DownloadHostSawCredentials, Is.False);
    }

    [Test]
    public async Task A_truncated_download_is_a_typed_error()
    {
        var run = await CompletedRunAsync(_client);
        _sandbox.Faults.TruncateDownloads(1);

        var error = await Fails.With(() => _client.DownloadAsync(run, Stream.Null));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete).Or.EqualTo(ReportsErrorCode.InvalidResponse).Or.EqualTo(ReportsErrorCode.ConnectionFailed));
    }

    [Test]
    public async Task A_file_download_truncated_once_is_restarted_and_the_file_is_whole()
    {
        var run = await CompletedRunAsync(_client);
        using var whole = new MemoryStream();
        await _client.DownloadAsync(run, whole);
        var target = Path.Combine(Path.GetTempPath(), $"helodata-restart-{Guid.NewGuid():N}.csv");
        _sandbox.Faults.TruncateDownloads(1);

        try
        {
            var result = await _client.DownloadToFileAsync(run, target);

            Assert.That(File.ReadAllBytes(target), Is.EqualTo(whole.ToArray()));
            Assert.That(result.Bytes, Is.EqualTo(whole.Length));
            Assert.That(_sandbox.Requests.Count(r => r.Host == "downloads"), Is.EqualTo(3), "one whole download, one cut, one restart");
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Test]
    public async Task A_stalled_download_fails_with_timeout_once_the_host_is_silent_for_the_idle_timeout()
    {
        using var impatient = _sandbox.CreateClient(o => o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(300));
        var run = await CompletedRunAsync(impatient);
        _sandbox.Faults.StallDownloads(1);
        using var received = new MemoryStream();

        var error = await Fails.With(() => impatient.DownloadAsync(run, received)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(received.Length, Is.GreaterThan(0), "part of the body came before the silence");
    }

    [Test]
    public async Task A_file_download_stalled_once_is_restarted_and_the_file_is_whole()
    {
        using var impatient = _sandbox.CreateClient(o => o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(300));
        var run = await CompletedRunAsync(impatient, ReportType.Invoices, ReportFormat.Parquet);
        using var whole = new MemoryStream();

        // The first download makes the artifact, which can take longer than 300 ms in a cold process
        // (parquet encoding); only the stalled attempt is meant to meet the short idle timeout.
        await _client.DownloadAsync(run, whole);
        var target = Path.Combine(Path.GetTempPath(), $"helodata-stall-{Guid.NewGuid():N}.parquet");
        _sandbox.Faults.StallDownloads(1);

        try
        {
            await impatient.DownloadToFileAsync(run, target).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.That(File.ReadAllBytes(target), Is.EqualTo(whole.ToArray()));
        }
        finally
        {
            File.Delete(target);
        }
    }

    private static async Task<ReportRun> CompletedRunAsync(ReportsClient client, ReportType? type = null, ReportFormat? format = null)
    {
        var report = await client.CreateReportAsync(new NewReport("r", type ?? ReportType.Traffic, format ?? ReportFormat.Csv));
        return await client.RunReportAndWaitAsync(report.Id, options: new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
    }
}
