using System.Collections.Concurrent;

namespace HeloData.Reports.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (no posting to a context).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> _values = new();

    public IReadOnlyList<T> Values => _values.ToArray();

    public void Report(T value) => _values.Enqueue(value);
}
