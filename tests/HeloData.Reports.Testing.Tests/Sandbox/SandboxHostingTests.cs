using System.Diagnostics;
using HeloData.Reports.Testing.Tests.Support;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>The two hosts on the wire, over raw HTTP: where they listen, what a fault does to a connection, how they stop.</summary>
public sealed class SandboxHostingTests
{
    private ReportsSandbox _sandbox = null!;
    private SandboxHttp _http = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _http = new SandboxHttp(_sandbox);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public void Both_hosts_listen_on_loopback_only_each_on_its_own_port()
    {
        Assert.That(_sandbox.ApiBaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_sandbox.DownloadBaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_sandbox.ApiBaseAddress.Port, Is.Not.EqualTo(_sandbox.DownloadBaseAddress.Port));
        Assert.That(_sandbox.ApiBaseAddress.AbsolutePath, Is.EqualTo("/v1/"));
    }

    [Test]
    public async Task The_api_host_takes_the_port_it_is_given_and_answers_there()
    {
        var port = ClosedPort.Find();
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { ApiPort = port });
        using var client = sandbox.CreateClient();

        Assert.That(sandbox.ApiBaseAddress, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/v1/")));
        Assert.That((await client.ListReportsAsync()).Reports, Is.Empty);
        Assert.That(sandbox.DownloadBaseAddress.Port, Is.Not.EqualTo(port));
    }

    [Test]
    public void A_taken_api_port_is_an_io_error_and_the_next_sandbox_can_start()
    {
        var port = new Uri(_sandbox.ApiBaseAddress.GetLeftPart(UriPartial.Authority)).Port;

        Assert.That(() => ReportsSandbox.Start(new ReportsSandboxOptions { ApiPort = port }), Throws.InstanceOf<IOException>());
        Assert.That(() => new ReportsSandboxOptions { ApiPort = 65536 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ReportsSandboxOptions { ApiPort = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        using var another = ReportsSandbox.Start();
        Assert.That(another.ApiBaseAddress.Port, Is.Not.EqualTo(port));
    }

    [Test]
    public async Task An_id_is_one_path_segment_even_when_it_holds_an_escaped_slash_or_percent()
    {
        var (status, body, _) = await _http.GetAsync("reports/rep%2F..%2F50%25");

        Assert.That(status, Is.EqualTo(404));
        Assert.That((string)body!["error"]!["message"]!, Is.EqualTo("no report 'rep/../50%'."));
        Assert.That(_sandbox.Requests.Single().PathAndQuery, Is.EqualTo("/v1/reports/rep%2F..%2F50%25"), "logged as sent");
    }

    [Test]
    public async Task A_dropped_request_gets_no_answer_at_all_and_is_logged_with_status_0()
    {
        var id = await _http.CreateAsync();
        _sandbox.Faults.DropConnections(1);

        Assert.That(async () => await _http.GetAsync($"reports/{id}"), Throws.InstanceOf<HttpRequestException>());
        Assert.That(_sandbox.Requests.Last().Status, Is.EqualTo(0));
        Assert.That((await _http.GetAsync($"reports/{id}")).Status, Is.EqualTo(200), "the next request is answered");
    }

    [Test]
    public async Task A_truncated_download_promises_the_whole_artifact_and_sends_its_first_bytes_only()
    {
        var url = await DownloadUrlAsync();
        using var whole = await _http.DownloadAsync(url);
        var artifact = await whole.Content.ReadAsByteArrayAsync();
        _sandbox.Faults.TruncateDownloads(1);
        using var client = new HttpClient();

        using var cut = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await SandboxStreams.ReadUntilFailureAsync(await cut.Content.ReadAsStreamAsync());

        Assert.That((int)cut.StatusCode, Is.EqualTo(200));
        Assert.That(cut.Content.Headers.ContentLength, Is.EqualTo(artifact.Length));
        Assert.That(failure, Is.InstanceOf<IOException>().Or.InstanceOf<HttpRequestException>());
        Assert.That(received, Is.Not.Empty.And.Length.LessThanOrEqualTo(artifact.Length / 2));
        Assert.That(received, Is.EqualTo(artifact.Take(received.Length)));
        Assert.That(_sandbox.Requests.Last().Status, Is.EqualTo(0));
    }

    [Test]
    public async Task Dispose_ends_a_stalled_download_at_once()
    {
        var url = await DownloadUrlAsync();
        _sandbox.Faults.StallDownloads(1);
        using var client = new HttpClient();
        using var stalled = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var reading = SandboxStreams.ReadUntilFailureAsync(await stalled.Content.ReadAsStreamAsync());
        await Task.Delay(200);
        Assert.That(reading.IsCompleted, Is.False, "the host is silent, the connection open");

        var clock = Stopwatch.StartNew();
        _sandbox.Dispose();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        var (_, failure) = await reading.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(failure, Is.Not.Null, "the client sees the connection end, not a whole body");
    }

    [Test]
    public void Dispose_twice_is_harmless()
    {
        _sandbox.Dispose();

        Assert.That(_sandbox.Dispose, Throws.Nothing);
    }

    private async Task<string> DownloadUrlAsync()
    {
        var id = await _http.CreateAsync(ReportBodies.OnDemand("invoices"));
        var runId = (string)(await _http.PostAsync($"reports/{id}/run", """{"from":"2026-05-01","to":"2026-05-31"}""")).Body!["run_id"]!;
        return (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;
    }
}
