using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HeloData.Reports.Tests.Diagnostics;

/// <summary>
/// Records the SDK's spans and measurements made on behalf of one test. Listeners are process-wide,
/// so the capture starts a root span of its own and keeps only what belongs to its trace: spans by
/// trace id, measurements by the span current when they are recorded. Create it in the test method
/// itself (not in a SetUp), so its root span is current for the calls the test makes.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private const string TestSourceName = "HeloData.Reports.Tests.Telemetry";

    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly Activity _root;

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ReportsTelemetry.ActivitySourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == ReportsTelemetry.ActivitySourceName && activity.TraceId == TraceId)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _root = TestSource.StartActivity("telemetry test")!;
        TraceId = _root.TraceId;

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReportsTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public ActivityTraceId TraceId { get; }

    /// <summary>The test's root span: the parent of the SDK's top-level spans.</summary>
    public ActivitySpanId RootSpanId => _root.SpanId;

    /// <summary>The SDK's finished spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public IReadOnlyList<Measurement> Of(string instrumentName) =>
        Measurements.Where(m => m.Instrument.Name == instrumentName).ToList();

    public void Dispose()
    {
        _meterListener.Dispose();
        _root.Dispose();
        _activityListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current?.TraceId == TraceId)
        {
            _measurements.Enqueue(new Measurement(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }

    public sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
    }
}
