using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 10: N concurrent <c>WaitForCompletionAsync</c> (1,000 by default) on one <c>AddHeloReports</c> client
/// against one loopback server: <c>dotnet run -c Release -- concurrency [waits] [--uncapped]</c>. Prints the TCP
/// connections the server accepted (in all, most open at once), this process's peak working set, polls per wait,
/// the time each poll spent below the SDK's handlers (connection-pool queue included) and the wall time.
/// <c>--uncapped</c> lifts the SDK's 16-connection cap through the public builder, for comparison.
/// </summary>
/// <remarks>
/// The server (<see cref="LoopbackRunServer"/>, the tests' own) runs in a child process, so its sockets and buffers
/// are not counted in this process's working set. Every run completes <see cref="RunDuration"/> after its first
/// poll; all waits start at the same instant, the worst case for a burst.
/// </remarks>
internal static class ConcurrentWaitsProbe
{
    private const string RunIdPrefix = "run_load_";

    private static readonly TimeSpan RunDuration = TimeSpan.FromSeconds(3);

    // The defaults (1 s, 1 s, 60 s, ×1.1, 2 h) divided by ten: a 3 s run here is polled like a 30 s run would be.
    private static readonly WaitForCompletionOptions Options = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(100),
        MinPollInterval = TimeSpan.FromMilliseconds(100),
        MaxPollInterval = TimeSpan.FromSeconds(6),
        GrowthFactor = 1.1,
        MaxWait = TimeSpan.FromMinutes(12),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var uncapped = args.Contains("--uncapped");
        var waits = args.Where(a => a != "--uncapped").ToArray() is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000;
        using var server = StartServer();
        var apiBase = new Uri(await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The server process did not start."));

        // Preallocated before the baseline, so recording a poll's time allocates nothing while measuring.
        var timer = new PollTimer(waits * 64);
        var primaryHandler = "?";
        var services = new ServiceCollection();
        var builder = services.AddHeloReports(o =>
        {
            o.ApiKey = "bench-key";
            o.BaseAddress = apiBase;
        });
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            // SocketsHttpHandler since .NET 9; HttpClientHandler before, or where an application swapped it.
            primaryHandler = handler.GetType().Name;
            switch (handler)
            {
                case SocketsHttpHandler sockets when uncapped:
                    sockets.MaxConnectionsPerServer = int.MaxValue;
                    break;
                case HttpClientHandler client when uncapped:
                    client.MaxConnectionsPerServer = int.MaxValue;
                    break;
            }
        });
        builder.AddHttpMessageHandler(() => new TimingHandler(timer)); // innermost: times the pool queue and the round trip
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IReportsClient>();

        // Warm up the whole path once (JIT, one connection), then take the baseline.
        await client.GetRunAsync("run_warmup");
        timer.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var stopwatch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, waits).Select(i => WaitAsync(client, $"{RunIdPrefix}{i:D5}")));
        stopwatch.Stop();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        await server.StandardInput.WriteLineAsync("stats");
        var stats = (await server.StandardOutput.ReadLineAsync() ?? "").Split(' ');
        await server.WaitForExitAsync();
        var (p50, p99, max) = timer.Percentiles();
        var failures = outcomes.Where(o => o is not null).GroupBy(o => o).Select(g => $"{g.Count()} × {g.Key}").ToList();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{waits} concurrent waits, {(uncapped ? "uncapped" : "capped (SDK default, 16)")}, primary handler {primaryHandler}, runs complete {RunDuration.TotalSeconds:0} s after their first poll"));
        Console.WriteLine("| variant | connections accepted | peak open | working set before | peak working set | polls per wait min / mean / max | poll time p50 / p99 / max | wall time |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(uncapped ? "uncapped" : "capped (16)")} | {stats[0]} | {stats[1]} | {Mib(before)} | {Mib(peak)} | {stats[2]} / {stats[3]} / {stats[4]} | " +
            $"{p50:0.0} / {p99:0.0} / {max:0.0} ms | {stopwatch.Elapsed.TotalSeconds:0.00} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{timer.Count} polls, {allocated / (double)Math.Max(1, timer.Count) / 1024:0.0} KiB allocated per poll; busiest 100 ms: {timer.BusiestTenth()} polls started"));
        Console.WriteLine(failures.Count == 0 ? "Every wait returned its own completed run." : $"FAILED: {string.Join("; ", failures)}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The child process: serves until a line arrives on stdin, then prints its counts and exits.</summary>
    public static async Task<int> ServeAsync()
    {
        using var server = new LoopbackRunServer(pollsToComplete: 1, RunDuration);
        Console.WriteLine(server.ApiBase);
        await Console.In.ReadLineAsync();
        var polls = server.PollsByRun.Where(r => r.Key.StartsWith(RunIdPrefix, StringComparison.Ordinal)).Select(r => r.Value).DefaultIfEmpty().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{server.ConnectionsAccepted} {server.PeakOpenConnections} {polls.Min()} {polls.Average():0.0} {polls.Max()}"));
        return 0;
    }

    // null when the wait returned its own completed run, else what went wrong.
    private static async Task<string?> WaitAsync(IReportsClient client, string runId)
    {
        try
        {
            var run = await client.WaitForCompletionAsync(runId, Options);
            return run.RunId == runId && run.Status == RunStatus.Completed ? null : $"wrong run {run.RunId} {run.Status}";
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }

    private static Process StartServer()
    {
        // Run by the apphost, or by `dotnet the.dll`: start this same program in server mode either way.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("concurrency-server");
        return Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");

    /// <summary>When each poll started and how long it took below the SDK's handlers.</summary>
    private sealed class PollTimer(int capacity)
    {
        private readonly long[] _starts = new long[capacity];
        private readonly long[] _durations = new long[capacity];
        private int _count;

        public int Count => Math.Min(_count, _starts.Length);

        public void Reset() => _count = 0;

        public void Record(long start, long end)
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _starts.Length)
            {
                (_starts[i], _durations[i]) = (start, end - start);
            }
        }

        public (double P50, double P99, double Max) Percentiles()
        {
            var sorted = _durations[..Count].Order().Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
            return sorted.Length == 0 ? default : (sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
        }

        // Polls that started in the busiest 100 ms: close to the number of waits when they poll in lockstep.
        public int BusiestTenth() =>
            _starts[..Count].GroupBy(s => s * 10 / Stopwatch.Frequency).Select(g => g.Count()).DefaultIfEmpty().Max();
    }

    private sealed class TimingHandler(PollTimer timer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            timer.Record(start, Stopwatch.GetTimestamp());
            return response;
        }
    }
}
