using System.Collections.Concurrent;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// A handler whose first call holds on until <see cref="Finish"/> (whatever its token says: a frozen instance), and
/// whose later calls return at once; it records each call and the most calls ever running at once.
/// </summary>
internal sealed class SlowHandler : IRunHandler
{
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _running;
    private int _mostRunning;

    public ConcurrentQueue<CollectedRun> Calls { get; } = new();

    public int MostRunning => Volatile.Read(ref _mostRunning);

    public Task FirstStarted => _firstStarted.Task;

    public void Finish() => _finish.TrySetResult();

    public async Task HandleAsync(CollectedRun run, CancellationToken cancellationToken)
    {
        Calls.Enqueue(run);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        try
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                _firstStarted.SetResult();
                await _finish.Task;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
