using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Bounds how long one read of an artifact's body may wait for bytes. The timer runs only while a
/// read is pending: time the caller spends between reads (processing rows of an <c>OpenReadAsync</c>
/// stream, say) never counts.
/// </summary>
internal sealed class IdleTimer(TimeSpan timeout, TimeProvider timeProvider) : IDisposable
{
    private CancellationTokenSource _source = new(Timeout.InfiniteTimeSpan, timeProvider);

    // The caller's token and the timer's, linked once and reused while both stay the same
    // (a copy loop passes one token for thousands of reads).
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedCaller;
    private CancellationToken _linkedIdle;

    public TimeSpan Limit => timeout;

    /// <summary>Starts the timer for one read and gives the token that read must honour: the timer's, linked with <paramref name="caller"/>'s.</summary>
    public CancellationToken Start(CancellationToken caller)
    {
        // It may have fired just as the previous read completed: that read was in time, this one starts afresh.
        if (_source.IsCancellationRequested)
        {
            _source.Dispose();
            _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        }

        _source.CancelAfter(timeout);
        var idle = _source.Token;
        if (!caller.CanBeCanceled)
        {
            return idle;
        }

        if (_linked is null || caller != _linkedCaller || idle != _linkedIdle)
        {
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, idle);
            (_linkedCaller, _linkedIdle) = (caller, idle);
        }

        return _linked.Token;
    }

    /// <summary>Stops the timer once the read is over.</summary>
    public void Stop()
    {
        if (!_source.IsCancellationRequested)
        {
            _source.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Whether the read just abandoned was cut off by this timer.</summary>
    public bool Fired => _source.IsCancellationRequested;

    public void Dispose()
    {
        _linked?.Dispose();
        _source.Dispose();
    }

    /// <summary>The error for a download host that went silent: transient, so a file download restarts.</summary>
    public static ReportsException Expired(string runId, string what, Exception? cause) =>
        new($"Download of run {runId} failed: {what}.", ReportsErrorCode.Timeout, runId: runId, innerException: cause);
}
