using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 18: the webhook receiver's latency under concurrent senders, with the default SQLite store:
/// <c>dotnet run -c Release -- webhook-store [deliveries] [senders] [--in-memory]</c> (2,000 and 16 by default;
/// <c>--in-memory</c> swaps in <see cref="HeloData.Reports.Collector.InMemoryCollectorStateStore"/>, to tell the store's share from the rest). A real
/// Kestrel app on <c>127.0.0.1</c> (<c>AddHeloReportsWebhooks</c> + <c>MapHeloReportsWebhook</c>, a handler
/// that does nothing) takes signed deliveries of 1 to 64 KiB (sizes cycled), each a new run, from N senders
/// at once on one <see cref="HttpClient"/>; each delivery's time is from the request's start to its answer.
/// Prints the percentiles, how many took 150 ms or more (Microsoft.Data.Sqlite's busy retry sleeps 150 ms a
/// turn) and every answer that was not 200.
/// </summary>
internal static class WebhookDeliveryProbe
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const int Warmup = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var inMemory = args.Contains("--in-memory");
        args = [.. args.Where(a => a != "--in-memory")];
        var deliveries = args is [var d, ..] ? int.Parse(d, CultureInfo.InvariantCulture) : 2_000;
        var senders = args is [_, var s, ..] ? int.Parse(s, CultureInfo.InvariantCulture) : 16;
        var folder = Directory.CreateTempSubdirectory("helodata-webhook-probe-");
        try
        {
            await using var app = await StartReceiverAsync(folder.FullName, inMemory, senders);
            var address = new Uri(app.Urls.First() + "/hooks");
            using var client = new HttpClient();
            var bodies = Enumerable.Range(1, 64).Select(kib => RandomNumberGenerator.GetBytes(kib * 1024)).ToArray();

            await SendAllAsync(client, address, bodies, "warm", Warmup, senders);
            var (latencies, failures, wall) = await SendAllAsync(client, address, bodies, "run", deliveries, senders);

            Array.Sort(latencies);
            double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{deliveries} deliveries of 1-64 KiB, {senders} concurrent senders, {(inMemory ? "in-memory" : "SQLite")} store, {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(0.50):0.0} ms, p90 {Percentile(0.90):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{latencies.Count(l => l >= 150)} of {deliveries} took 150 ms or more; {deliveries / wall.TotalSeconds:0} deliveries/s"));
            Console.WriteLine(failures.Count == 0 ? "every answer 200" : $"not 200: {string.Join(", ", failures.GroupBy(f => f).Select(g => $"{g.Key} ×{g.Count()}"))}");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<WebApplication> StartReceiverAsync(string folder, bool inMemory, int senders)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (inMemory)
        {
            builder.Services.AddSingleton<HeloData.Reports.Collector.ICollectorStateStore>(new HeloData.Reports.Collector.InMemoryCollectorStateStore("webhook-probe", TimeProvider.System));
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = [Secret];
            o.StorePath = Path.Combine(folder, "handled-runs.db");
            o.TemporaryDirectory = folder;
            // Every sender is admitted: this measures the store, not the cap on unverified bodies.
            o.MaxConcurrentDeliveries = senders;
        });
        var app = builder.Build();
        app.MapHeloReportsWebhook("/hooks", (_, _) => Task.CompletedTask);
        await app.StartAsync();
        return app;
    }

    private static async Task<(double[] Latencies, List<int> Failures, TimeSpan Wall)> SendAllAsync(
        HttpClient client, Uri address, byte[][] bodies, string prefix, int count, int senders)
    {
        var latencies = new double[count];
        var failures = new List<int>();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = bodies[i % bodies.Length];
                using var request = Signed(address, $"run_{prefix}_{i}_{Guid.NewGuid():N}", body);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode != 200)
                {
                    lock (failures)
                    {
                        failures.Add((int)response.StatusCode);
                    }
                }
            }
        }));
        return (latencies, failures, wall.Elapsed);
    }

    private static HttpRequestMessage Signed(Uri address, string runId, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Convert.FromBase64String(Secret["whsec_".Length..]));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{runId}.{timestamp}."));
        hmac.AppendData(body);
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("text/csv");
        request.Headers.Add("webhook-id", runId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(hmac.GetHashAndReset()));
        return request;
    }
}
