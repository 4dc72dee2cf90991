using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P3: polling economy of <c>WaitForCompletionAsync</c> with the default
/// <see cref="WaitForCompletionOptions"/>, on fake time: <c>dotnet run -c Release -- polling [runs] [--schedule]</c>
/// (20 runs per duration by default; <c>--schedule</c> also prints one simulation's poll times).
/// </summary>
/// <remarks>
/// A simulation, not a timing benchmark. Each simulated run is a fresh <c>AddHeloReports</c> client whose
/// in-memory primary handler answers <c>GET /reports/runs/{id}</c> with <c>running</c> until the fake clock
/// reaches the finish time, then <c>completed</c>. The clock jumps straight to the next pending timer whenever
/// the waiter sleeps (<see cref="SteppingTimeProvider"/>), so every poll happens exactly when the SDK asked
/// for it. Jitter is random, so each duration is simulated several times. Target: detection delay (the run
/// finishing to the wait returning) at most max(2 s, 10 % of the duration). Exits 1 if the target is missed.
/// </remarks>
internal static class PollingSimulation
{
    private const string RunId = "run_sim";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan[] Durations =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var schedule = args.Contains("--schedule");
        var numbers = args.Where(a => a != "--schedule").ToArray();
        var runs = numbers is [var count, ..] ? int.Parse(count, CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"P3 polling economy: default WaitForCompletionOptions, {runs} simulated runs per duration, fake time.");
        Console.WriteLine();
        Console.WriteLine("| run finishes after | polls min | polls mean | polls max | detection delay min | mean | max | max / duration | target (max) | met |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");

        var allMet = true;
        var schedules = new List<string>();
        foreach (var duration in Durations)
        {
            var outcomes = new List<Outcome>(runs);
            for (var i = 0; i < runs; i++)
            {
                outcomes.Add(await SimulateAsync(duration));
            }

            schedules.Add($"{Format(duration)} run, poll times (s after the wait started) of its first simulation: " +
                string.Join(' ', outcomes[0].PollTimes.Select(t => t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture))));

            var target = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, duration.Ticks / 10));
            var maxDelay = outcomes.Max(o => o.DetectionDelay);
            var met = maxDelay <= target;
            allMet &= met;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Format(duration)} | {outcomes.Min(o => o.Polls)} | {outcomes.Average(o => o.Polls):0.0} | {outcomes.Max(o => o.Polls)} | " +
                $"{Format(outcomes.Min(o => o.DetectionDelay))} | {Format(TimeSpan.FromTicks((long)outcomes.Average(o => o.DetectionDelay.Ticks)))} | " +
                $"{Format(maxDelay)} | {maxDelay / duration:0.0 %} | {Format(target)} | {(met ? "yes" : "**no**")} |"));
        }

        Console.WriteLine();
        if (schedule)
        {
            schedules.ForEach(Console.WriteLine);
            Console.WriteLine();
        }

        Console.WriteLine(allMet ? "Target met for every duration." : "TARGET MISSED: detection delay above max(2 s, 10 % of the duration).");
        return allMet ? 0 : 1;
    }

    private static async Task<Outcome> SimulateAsync(TimeSpan duration)
    {
        var time = new SteppingTimeProvider(Start);
        var handler = new SimulatedRunHandler(time, Start + duration);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);

        // Requests take no fake time, but keep the transport's timeouts out of the way all the same.
        SdkClients.AddHeloReports(services, handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.TotalTimeout = TimeSpan.FromDays(1);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IReportsClient>();

        var wait = client.WaitForCompletionAsync(RunId);
        var realTime = Stopwatch.StartNew();
        while (!wait.IsCompleted)
        {
            var changed = time.Changed;
            if (time.NextDueWhileIdle() is { } due)
            {
                time.SetUtcNow(due);
                continue;
            }

            // A request or a continuation is under way: let it finish, or create the next sleep.
            await Task.WhenAny(wait, changed, Task.Delay(100));
            if (realTime.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The simulated {Format(duration)} run made no progress (fake time {time.GetUtcNow() - Start}, {handler.Polls} polls).");
            }
        }

        var run = await wait;
        var delay = time.GetUtcNow() - handler.FinishAt;
        if (run.Status != RunStatus.Completed || delay < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The wait returned a {run.Status} run {delay} after the finish time.");
        }

        return new Outcome(handler.Polls, delay, handler.PollTimes);
    }

    private static string Format(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => $"{span.TotalHours:0} h",
        { TotalMinutes: >= 1 } when span.Ticks % TimeSpan.TicksPerMinute == 0 => $"{span.TotalMinutes:0} min",
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s"),
    };

    private readonly record struct Outcome(int Polls, TimeSpan DetectionDelay, IReadOnlyList<TimeSpan> PollTimes);

    /// <summary>A run on the service side: <c>running</c> until the fake clock reaches its finish time, then <c>completed</c>.</summary>
    private sealed class SimulatedRunHandler(TimeProvider time, DateTimeOffset finishAt) : HttpMessageHandler
    {
        private readonly List<TimeSpan> _pollTimes = [];

        public DateTimeOffset FinishAt => finishAt;

        public int Polls
        {
            get
            {
                lock (_pollTimes)
                {
                    return _pollTimes.Count;
                }
            }
        }

        /// <summary>When each poll arrived, from the start of the wait.</summary>
        public IReadOnlyList<TimeSpan> PollTimes
        {
            get
            {
                lock (_pollTimes)
                {
                    return [.. _pollTimes];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Get || request.RequestUri?.AbsolutePath != $"/v1/reports/runs/{RunId}")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
            }

            var now = time.GetUtcNow();
            lock (_pollTimes)
            {
                _pollTimes.Add(now - Start);
            }

            var done = now >= finishAt;
            var json = string.Create(CultureInfo.InvariantCulture, $$"""
                {"run_id":"{{RunId}}","report_id":"rep_sim","status":"{{(done ? "completed" : "running")}}","from":"2026-11-01","to":"2026-11-27","created_at":"{{Start:yyyy-MM-ddTHH:mm:ssZ}}","completed_at":{{(done ? $"\"{finishAt:yyyy-MM-ddTHH:mm:ssZ}\"" : "null")}},"error":null}
                """);
            return Task.FromResult(RunFixtures.Ok(request, Encoding.UTF8.GetBytes(json)));
        }
    }
}
