using System.Diagnostics;
using System.Net.Http.Headers;
using HeloData.Reports.Models;
using static HeloData.Reports.TelemetryNames;

namespace HeloData.Reports;

/// <summary>
/// The telemetry of one public operation: its span and its two measurements. With nobody listening
/// it is a struct holding nulls and a <see langword="false"/>: no allocation, no clock read.
/// An operation runs through <see cref="TraceAsync"/> (or, on the transport's hot path, the same three
/// steps by hand: <see cref="Start"/>, <see cref="Succeeded"/>, <see cref="Failed"/> in an exception
/// filter), after its arguments are checked: a call refused for its arguments is no operation.
/// </summary>
internal readonly struct OperationScope
{
    /// <summary>Runs <paramref name="work"/> as <paramref name="operation"/>: one span and one measurement around it, whatever happens.</summary>
    public static async Task<T> TraceAsync<TState, T>(
        ReportsOperation operation,
        string? reportId,
        string? runId,
        TState state,
        Func<TState, OperationScope, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var scope = Start(operation, reportId, runId);
        try
        {
            var result = await work(state, scope, cancellationToken).ConfigureAwait(false);
            scope.Succeeded();
            return result;
        }
        catch (Exception exception) when (scope.Failed(exception))
        {
            throw; // Never reached: Failed records the failure and lets it pass.
        }
    }

    private readonly ReportsOperation _operation;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly bool _measured;

    private OperationScope(ReportsOperation operation, Activity? activity, long started, bool measured)
    {
        _operation = operation;
        _activity = activity;
        _started = started;
        _measured = measured;
    }

    /// <summary>Starts the operation's span and clock, once its arguments are checked.</summary>
    public static OperationScope Start(ReportsOperation operation, string? reportId, string? runId)
    {
        // StartActivity returns null at once when no listener wants the source.
        var activity = ReportsInstrumentation.Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTagName, operation.Name);
            SetIds(activity, reportId, runId);
        }

        var measured = ReportsInstrumentation.Requests.Enabled || ReportsInstrumentation.Duration.Enabled;
        return new(operation, activity, measured ? Stopwatch.GetTimestamp() : 0, measured);
    }

    /// <summary>Adds ids learnt during the operation (a waited run's report); ids already set stay.</summary>
    public void AddIds(string? reportId, string? runId)
    {
        if (_activity is { IsAllDataRequested: true })
        {
            SetIds(_activity, reportId, runId);
        }
    }

    /// <summary>Tags the span with the request id of the answer, when the service sent one.</summary>
    public void AddRequestId(HttpResponseHeaders? headers)
    {
        if (_activity is { IsAllDataRequested: true }
            && headers is not null
            && headers.TryGetValues(IReportsApi.RequestIdHeader, out var values)
            && values.FirstOrDefault() is { Length: > 0 } requestId)
        {
            _activity.SetTag(RequestIdTagName, requestId);
        }
    }

    /// <summary>Tags the span with the ids a result carries (a created report's, a started run's); ids already set stay.</summary>
    public void AddIdsOf(object? result)
    {
        if (_activity is { IsAllDataRequested: true })
        {
            switch (result)
            {
                case Report report:
                    SetIds(_activity, report.Id, null);
                    break;
                case RunAccepted accepted:
                    SetIds(_activity, null, accepted.RunId);
                    break;
                case ReportRun run:
                    SetIds(_activity, run.ReportId, run.RunId);
                    break;
            }
        }
    }

    /// <summary>Ends the operation as a success.</summary>
    public void Succeeded() => End(SuccessOutcome, failed: false);

    /// <summary>
    /// Ends the operation as a failure, recording its error code, never its message. Returns
    /// <see langword="false"/>, so that in an exception filter the failure passes on untouched.
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (exception is ReportsException { RequestId: { } requestId } && _activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(RequestIdTagName, requestId);
        }

        End(ReportsInstrumentation.OutcomeOf(exception), failed: true);
        return false;
    }

    private void End(string outcome, bool failed)
    {
        // Measured while the span is still current, so a metrics SDK can attach it as an exemplar.
        if (_measured)
        {
            var tags = new TagList { _operation.Tag, new(OutcomeTagName, outcome) };
            ReportsInstrumentation.Requests.Add(1, tags);
            ReportsInstrumentation.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        if (_activity is null)
        {
            return;
        }

        if (failed)
        {
            // The code only: exception messages and events are not ours to vet for secrets.
            _activity.SetStatus(ActivityStatusCode.Error);
            _activity.SetTag(ErrorTypeTagName, outcome);
        }

        _activity.Dispose();
    }

    // An id the caller passed stays: a response naming another id is the service's mistake, not the operation's subject.
    private static void SetIds(Activity activity, string? reportId, string? runId)
    {
        if (!string.IsNullOrEmpty(reportId) && activity.GetTagItem(ReportIdTagName) is null)
        {
            activity.SetTag(ReportIdTagName, reportId);
        }

        if (!string.IsNullOrEmpty(runId) && activity.GetTagItem(RunIdTagName) is null)
        {
            activity.SetTag(RunIdTagName, runId);
        }
    }
}
