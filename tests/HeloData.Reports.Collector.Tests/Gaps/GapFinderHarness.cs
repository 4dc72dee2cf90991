using System.Diagnostics.Metrics;
using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// A gap finder (or several, one per instance) over one in-memory state, a hand-played client and a fake clock,
/// with what it logged and counted. The clock starts at <see cref="Now"/>: 30 daily occurrences at 06:00 (1 to 30
/// June's windows) are past the grace period, with the default <c>Since</c> of 30 days.
/// </summary>
internal sealed class GapFinderHarness : IDisposable
{
    public const string ReportId = "rep_daily";

    public static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 30, 0, TimeSpan.Zero);

    private readonly Dictionary<string, InMemoryCollectorStateStore> _stores = [];
    private readonly MeterListener _listener = new();

    public GapFinderHarness()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "HeloData.Reports.Collector" && instrument.Name == "helodata.collector.gaps")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var status = (string)tags.ToArray().Single(tag => tag.Key == "status").Value!;
            lock (Counted)
            {
                Counted[status] = Counted.GetValueOrDefault(status) + value;
            }
        });
        _listener.Start();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public InMemoryCollectorState State { get; } = new();

    public FakeRunsClient Client { get; } = new();

    public ReportsCollectorOptions Options { get; } = new();

    public ListLogger Log { get; } = new();

    /// <summary>The measurements of <c>helodata.collector.gaps</c>, by their <c>status</c> tag.</summary>
    public Dictionary<string, long> Counted { get; } = [];

    /// <summary>June's 30 days.</summary>
    public static IEnumerable<DateOnly> June => Enumerable.Range(1, 30).Select(day => new DateOnly(2026, 6, day));

    public static Report Daily(string schedule = "0 6 * * *", DateTimeOffset? createdAt = null) =>
        ReportsModelFactory.Report(ReportId, schedule: schedule, createdAt: createdAt ?? Now.AddDays(-100));

    public static ReportRun Run(string runId, RunStatus status, DateOnly from, DateOnly to) =>
        ReportsModelFactory.ReportRun(runId, ReportId, status, from, to);

    /// <summary>The instance's store: one life per name, started once.</summary>
    public InMemoryCollectorStateStore Store(string instance = "a")
    {
        if (!_stores.TryGetValue(instance, out var store))
        {
            store = new InMemoryCollectorStateStore(instance, Time, State);
            store.StartAsync(default).GetAwaiter().GetResult();
            _stores[instance] = store;
        }

        return store;
    }

    public GapFinder Finder(string instance = "a") => new(Client, Store(instance), MsOptions.Create(Options), Time, Log);

    /// <summary>Records a run as collected, as the engine does once its handlers are done.</summary>
    public async Task CollectAsync(string runId, DateOnly from, DateOnly to)
    {
        var store = Store("engine");
        Assert.That((await store.TryClaimAsync(new RunRecord { RunId = runId, ReportId = ReportId, From = from, To = to }, TimeSpan.FromMinutes(1), default)).Status, Is.EqualTo(RunClaimStatus.Claimed));
        await store.CompleteAsync(runId, default);
    }

    /// <summary>Collects a scheduled run for every day of June but <paramref name="missing"/>.</summary>
    public async Task CollectJuneButAsync(params int[] missing)
    {
        foreach (var day in June.Where(day => !missing.Contains(day.Day)))
        {
            await CollectAsync($"run_{day:MMdd}", day, day);
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The lines a gap finder logged.</summary>
    internal sealed class ListLogger : ILogger<GapFinder>
    {
        public List<(LogLevel Level, EventId Id, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, eventId, formatter(state, exception)));
    }
}

/// <summary>The base of the gap finder's tests: a fresh <see cref="GapFinderHarness"/> for each test, disposed after it.</summary>
public abstract class GapFinderFixture
{
    private protected GapFinderHarness Harness { get; private set; } = null!;

    [SetUp]
    public void CreateHarness() => Harness = new GapFinderHarness();

    [TearDown]
    public void DisposeHarness() => Harness.Dispose();
}
