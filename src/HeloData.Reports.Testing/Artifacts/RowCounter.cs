namespace HeloData.Reports.Testing.Artifacts;

/// <summary>Counts rows as they are generated; read from any thread, to watch an artifact being streamed.</summary>
internal sealed class RowCounter
{
    private long _count;

    /// <summary>The rows generated so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
