using System.Net;
using System.Net.Sockets;
using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>
/// A completed run with no download URL (its artifact is pushed to its report's destination) is not a failure of
/// the poll: it is left, released, to its push, which the webhook door then collects.
/// </summary>
public sealed class PushedRunTests
{
    [Test]
    public async Task A_run_without_a_download_url_is_left_to_its_push_on_every_poll_and_the_webhook_door_collects_it()
    {
        using var sandbox = SandboxRuns.Start();
        using var temp = new TempFolder();
        using var destination = new AcceptingEndpoint();
        Report report;
        using (var client = sandbox.CreateClient())
        {
            report = await client.CreateReportAsync(new NewReport("pushed", ReportType.Traffic, ReportFormat.Csv) { Destination = new WebhookDestination(destination.Url, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") });
        }

        var run = (await SandboxRuns.RunAsync(sandbox, report, 1)).Single();
        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(sandbox, temp.Path, b => b.AddHandler("h", _ => handler));

        var polls = new[]
        {
            await collector.Collector.CollectRunAsync(run, null, RunOrigin.Poll),
            await collector.Collector.CollectRunAsync(run, null, RunOrigin.Poll),
        };
        var delivery = Path.Combine(temp.Path, "delivery.csv");
        await File.WriteAllTextAsync(delivery, "date,visits\n2026-05-04,1\n");
        var pushed = await collector.Collector.CollectRunAsync(run, delivery, RunOrigin.Webhook);

        Assert.That(run.DownloadUrl, Is.Null, "the sandbox gives a pushed run no URL");
        Assert.That(polls, Is.All.EqualTo(RunCollectionResult.InProgress), "left to its push, not a failure");
        Assert.That(pushed, Is.EqualTo(RunCollectionResult.Collected), "released: the webhook door takes it");
        Assert.That(handler.Calls.Select(c => c.Run.Attempt), Is.EqualTo(new[] { 3 }));
    }

    /// <summary>A loopback endpoint that answers 200 to every request (the destination's pre-flight and pushes, not followed here).</summary>
    private sealed class AcceptingEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();

        public AcceptingEndpoint()
        {
            var port = FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/hooks/");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = AnswerAsync();
        }

        public Uri Url { get; }

        public void Dispose() => _listener.Close();

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private async Task AnswerAsync()
        {
            try
            {
                while (true)
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                // Closed at the end of the test.
            }
        }
    }
}
