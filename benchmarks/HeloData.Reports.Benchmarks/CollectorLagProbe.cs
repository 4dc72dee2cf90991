using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 20: lag from a run's <c>completed_at</c> to its sink, read from the collector's <c>helodata.collector.lag</c>
/// histogram: <c>dotnet run -c Release -- collector-lag [hours] [pushes]</c> (6 sandbox hours and 40 pushes by default).
/// SQLite state store, a no-op handler (the run is still spooled).
/// </summary>
/// <remarks>
/// Poll: the sandbox and the collector share one <see cref="FakeTimeProvider"/>; on-demand runs (3 s each, the
/// sandbox's default timeline) are started at random moments (exponential gaps, mean 20 s) across 20 reports, and a
/// pass runs every 5 minutes of that clock (the default <see cref="ReportsCollectorOptions.PollInterval"/>), as the
/// hosted service does. The clock stands still during a pass, so the histogram gives the wait for the poll alone; the
/// passes' real durations are printed beside it (the lag is their sum). Push: real time; each run, once completed, is
/// read by id and its artifact written to a file, as the webhook receiver does with a delivery, then handed to
/// <see cref="IReportsCollector.CollectRunAsync"/> with that file (origin Webhook). <c>completed_at</c> has whole
/// seconds on the wire, so each pushed run is started just past a whole second (the histogram would read up to 1 s
/// high otherwise); the push rows also give the exact lag, from the sandbox's own completion time.
/// </remarks>
internal static class CollectorLagProbe
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var hours = args is [var h, ..] ? double.Parse(h, CultureInfo.InvariantCulture) : 6;
        var pushes = args is [_, var p, ..] ? int.Parse(p, CultureInfo.InvariantCulture) : 40;
        var lags = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "HeloData.Reports.Collector", Name: "helodata.collector.lag" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (lags)
            {
                lags.Add(value);
            }
        });
        listener.Start();

        var temp = Directory.CreateTempSubdirectory("helodata-collector-lag-");
        try
        {
            var passes = await PollAsync(hours, temp.FullName);
            Console.WriteLine("| door | runs | lag p50 | p90 | p99 | max | mean | |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            Console.WriteLine(Row("poll, 5 min (fake clock: the wait)", Take(lags), "s", $"plus the pass: p50 {Percentile(passes, 0.5):0} ms, max {passes[^1]:0} ms real"));
            var (exact, calls) = await PushAsync(pushes, Path.Combine(temp.FullName, "push"), () => Take(lags));
            Console.WriteLine(Row("webhook door, histogram", Take(lags), "ms", "runs started just past a whole second (completed_at has whole seconds)", 1000));
            Console.WriteLine(Row("webhook door, exact", exact, "ms", "from the sandbox's completion time, incl. reading the run and writing its file"));
            Console.WriteLine(Row("webhook door, CollectRunAsync", calls, "ms", "the call alone: the receiver's part"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            temp.Delete(recursive: true);
        }

        double[] Take(List<double> values)
        {
            lock (values)
            {
                var taken = values.ToArray();
                values.Clear();
                return taken;
            }
        }
    }

    // Returns the passes' real durations in ms, sorted.
    private static async Task<double[]> PollAsync(double hours, string temp)
    {
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = time });
        await using var provider = Collector(sandbox, temp, time);
        var collector = provider.GetRequiredService<IReportsCollector>();
        var client = provider.GetRequiredService<IReportsClient>();
        var reports = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            reports.Add((await client.CreateReportAsync(new NewReport($"lag-{i}", ReportType.Traffic, ReportFormat.Csv))).Id);
        }

        var random = new Random(20);
        var day = DateOnly.FromDateTime(start.UtcDateTime).AddDays(-1);
        var passes = new List<double>();
        for (var nextPoll = start + Poll; nextPoll <= start + TimeSpan.FromHours(hours);)
        {
            var gap = TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * 20);
            if (time.GetUtcNow() + gap < nextPoll)
            {
                time.Advance(gap);
                await client.RunReportAsync(reports[random.Next(reports.Count)], new RunWindow { From = day, To = day });
                continue;
            }

            time.SetUtcNow(nextPoll);
            var watch = Stopwatch.StartNew();
            await collector.CollectOnceAsync();
            passes.Add(watch.Elapsed.TotalMilliseconds);
            nextPoll += Poll;
        }

        passes.Sort();
        return [.. passes];
    }

    // Returns the exact lags and the CollectRunAsync calls' durations, in ms.
    private static async Task<(double[] Exact, double[] Calls)> PushAsync(int pushes, string temp, Action afterWarmup)
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        Directory.CreateDirectory(temp);
        await using var provider = Collector(sandbox, temp, TimeProvider.System);
        var collector = provider.GetRequiredService<IReportsCollector>();
        var client = provider.GetRequiredService<IReportsClient>();
        var report = await client.CreateReportAsync(new NewReport("lag-push", ReportType.Traffic, ReportFormat.Csv));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var (exact, calls) = (new List<double>(), new List<double>());
        const int warmup = 5;
        for (var i = 0; i < warmup + pushes; i++)
        {
            // 5 ms past a whole second (a timer may fire a little early), so the wire's completed_at (whole seconds) is
            // within a few ms of the real one.
            var now = TimeProvider.System.GetUtcNow();
            await Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - now.Ticks % TimeSpan.TicksPerSecond) + TimeSpan.FromMilliseconds(5));
            var accepted = await client.RunReportAsync(report.Id, new RunWindow { From = day.AddDays(-i), To = day.AddDays(-i) });
            var run = await client.GetRunAsync(accepted.RunId);
            var file = Path.Combine(temp, run.RunId + ".csv");
            await client.DownloadToFileAsync(run, file);
            var watch = Stopwatch.StartNew();
            var result = await collector.CollectRunAsync(run, file, RunOrigin.Webhook);
            var done = TimeProvider.System.GetUtcNow();
            if (result != RunCollectionResult.Collected)
            {
                throw new InvalidOperationException($"Run {run.RunId}: {result}.");
            }

            if (i == warmup - 1)
            {
                afterWarmup();
            }
            else if (i >= warmup)
            {
                calls.Add(watch.Elapsed.TotalMilliseconds);
                exact.Add((done - sandbox.Runs.Single(r => r.RunId == run.RunId).CompletedAt).TotalMilliseconds);
            }
        }

        return ([.. exact], [.. calls]);
    }

    private static ServiceProvider Collector(ReportsSandbox sandbox, string temp, TimeProvider time)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(time);
        services.AddHeloReports(sandbox.Configure);
        services.AddHeloReportsCollector(o => o.TemporaryDirectory = temp)
            .UseSqliteState(Path.Combine(temp, "state.db"))
            .AddHandler("noop", (_, _) => Task.CompletedTask);
        return services.BuildServiceProvider();
    }

    private static string Row(string door, double[] values, string unit, string note, double scale = 1)
    {
        Array.Sort(values);
        string Format(double v) => (v * scale).ToString(unit == "s" ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + unit;
        return values.Length == 0
            ? $"| {door} | 0 | | | | | | {note} |"
            : $"| {door} | {values.Length} | {Format(Percentile(values, 0.5))} | {Format(Percentile(values, 0.9))} | {Format(Percentile(values, 0.99))} | {Format(values[^1])} | {Format(values.Average())} | {note} |";
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
