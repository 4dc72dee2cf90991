namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The runs this process is handling now. A delivery of a run already in here is answered at once (the
/// endpoint says 409 with <c>Retry-After</c>) instead of waiting behind a handler that may take minutes with
/// its own copy of the body on disk. Entries live only while held.
/// </summary>
internal sealed class RunLocks
{
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    /// <summary>Takes the run, or returns <see langword="null"/> at once when a delivery of it is being handled here.</summary>
    public IDisposable? TryEnter(string runId)
    {
        lock (_held)
        {
            return _held.Add(runId) ? new Held(this, runId) : null;
        }
    }

    private void Leave(string runId)
    {
        lock (_held)
        {
            _held.Remove(runId);
        }
    }

    private sealed class Held(RunLocks owner, string runId) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(runId);
            }
        }
    }
}
