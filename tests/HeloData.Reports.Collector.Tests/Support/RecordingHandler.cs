using System.Collections.Concurrent;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>A handler that records each call (the run as given, and what its content held) and can be told to fail.</summary>
internal sealed class RecordingHandler : IRunHandler
{
    public ConcurrentQueue<(CollectedRun Run, byte[] Content)> Calls { get; } = new();

    /// <summary>Runs whose calls throw, while they are in this set.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public IEnumerable<string> RunIds => Calls.Select(c => c.Run.RunId);

    public async Task HandleAsync(CollectedRun run, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await using (var stream = run.OpenRead())
        {
            await stream.CopyToAsync(content, cancellationToken);
        }

        Calls.Enqueue((run, content.ToArray()));
        if (Failing.ContainsKey(run.RunId))
        {
            throw new InvalidOperationException($"The test's handler fails for {run.RunId}.");
        }
    }
}
