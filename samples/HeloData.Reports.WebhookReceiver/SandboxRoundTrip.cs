using System.Net;
using System.Security.Cryptography;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;

namespace HeloData.Reports.WebhookReceiver;

/// <summary>
/// <c>--sandbox</c>: the embedded sandbox plays the service. A webhook report points at this receiver,
/// one run of it is pushed, and the program's exit code says whether the delivery was stored.
/// </summary>
internal static class SandboxRoundTrip
{
    public static async Task<int> RunAsync(Uri hookUrl, string secret, Task<StoredDelivery> stored, TimeSpan patience)
    {
        // A seed of its own each time: the sandbox's run ids follow its seed, and a run id this folder's
        // record has seen before would be answered as already handled, without storing anything.
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions
        {
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
            RunTimeline = RunTimeline.Instant,
        });
        using var client = sandbox.CreateClient();
        using var timeout = new CancellationTokenSource(patience);

        var report = await client.CreateReportAsync(
            new NewReport("webhook-receiver-sample", ReportType.Traffic, ReportFormat.Csv) { Destination = new WebhookDestination(hookUrl, secret) },
            timeout.Token);
        var run = await client.RunReportAsync(report.Id, cancellationToken: timeout.Token);
        Console.WriteLine($"Sandbox: report {report.Id} pushes to {hookUrl}; run {run.RunId} started.");

        try
        {
            // Delivered means the receiver answered 2xx, which it does only after the handler stored the file.
            var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId, timeout.Token);
            if (delivery.Outcome != SandboxWebhookOutcome.Delivered)
            {
                Console.Error.WriteLine($"The sandbox gave up on {run.RunId}: {string.Join("; ", delivery.Attempts)}");
                return 1;
            }

            var file = await stored.WaitAsync(timeout.Token);
            Console.WriteLine($"Done: {file.RunId} is in {file.Path}.");
            return 0;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var attempts = sandbox.WebhookDeliveries.FirstOrDefault(d => d.RunId == run.RunId)?.Attempts ?? [];
            Console.Error.WriteLine($"No delivery of {run.RunId} was stored within {patience.TotalSeconds:0} s ({attempts.Count} attempts: {string.Join("; ", attempts)}).");
            return 1;
        }
    }

    /// <summary>
    /// The endpoint's URL on a loopback address, the only place the sandbox pushes to: a loopback binding
    /// as it is, else the port of the first http binding on 127.0.0.1, which a wildcard binding
    /// (<c>http://+:8080</c>, <c>0.0.0.0</c>, <c>[::]</c>) answers too.
    /// </summary>
    public static Uri HookUrl(ICollection<string> serverAddresses, string path)
    {
        var bound = serverAddresses.Select(a => new Uri(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal))).ToList();
        var address = bound.FirstOrDefault(u => u.IsLoopback && u.Scheme == Uri.UriSchemeHttp)
            ?? bound.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp)
            ?? throw new InvalidOperationException("--sandbox needs an http:// address to listen on (the sandbox does not trust a development certificate).");
        var host = address.IsLoopback ? address.Host : IPAddress.Loopback.ToString();
        return new UriBuilder(Uri.UriSchemeHttp, host, address.Port, path).Uri;
    }
}
