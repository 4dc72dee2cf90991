namespace HeloData.Reports.Collector;

/// <summary>A handler made of a delegate (<c>AddHandler(name, delegate)</c>).</summary>
internal sealed class DelegateRunHandler(Func<CollectedRun, CancellationToken, Task> handle) : IRunHandler
{
    public Task HandleAsync(CollectedRun run, CancellationToken cancellationToken) => handle(run, cancellationToken);
}
