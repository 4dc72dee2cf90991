namespace HeloData.Reports.Collector;

/// <summary>
/// Your code that takes a collected run: load it into your database, invoice from it, copy it somewhere.
/// Register it with <c>AddHandler&lt;T&gt;()</c> on the collector's builder; the directory and PostgreSQL sinks are handlers too.
/// </summary>
/// <remarks>
/// <para>
/// What is guaranteed: <b>at least once</b>. Each handler of a run runs until it returns once, and its return is
/// recorded before the next handler starts. It runs again only when its process died (or froze past the
/// claim's lease) after it returned and before that record was written; the next call then has
/// <see cref="CollectedRun.MayHaveBeenHandled"/> set, so a handler with side effects that must not happen twice
/// checks by <see cref="CollectedRun.RunId"/> then. A handler that throws is called again later (the run is
/// offered again on the next pass), with <see cref="CollectedRun.Attempt"/> counting the offers.
/// </para>
/// <para>
/// A handler may run on several instances over a run's life, never on two at once while the claim's
/// heartbeat holds (see <see cref="ReportsCollectorOptions.ClaimLease"/>).
/// </para>
/// </remarks>
public interface IRunHandler
{
    /// <summary>Takes one run. Return once its effect is durable; throw to have it offered again later.</summary>
    /// <param name="run">The run, its content and how often it was offered before.</param>
    /// <param name="cancellationToken">
    /// Set when the host stops (the run is then released and offered again), or when this instance lost its claim
    /// on the run (its lease lapsed and another instance took the run over; nothing more is recorded here).
    /// </param>
    /// <returns>A task that completes once the run is handled.</returns>
    Task HandleAsync(CollectedRun run, CancellationToken cancellationToken);
}
