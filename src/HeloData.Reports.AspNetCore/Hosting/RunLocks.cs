namespace HeloData.Reports.AspNetCore;

/// <summary>
/// One gate per run id: concurrent deliveries of one run reach the store and the handler one at a time,
/// so a duplicate waits for the first to finish and then finds the run handled. Entries live only while used.
/// </summary>
internal sealed class RunLocks
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> EnterAsync(string runId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(runId, out gate!))
            {
                _gates[runId] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(runId, gate, entered: false);
            throw;
        }

        return new Held(this, runId, gate);
    }

    private void Leave(string runId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(runId);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Held(RunLocks owner, string runId, Gate gate) : IAsyncDisposable
    {
        private int _left;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(runId, gate, entered: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
