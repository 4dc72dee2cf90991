using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing;

// What the sandbox did, for tests and for an outside record (the CLI's --runs-log): its runs and webhook pushes.
public sealed partial class ReportsSandbox
{
    /// <summary>
    /// Raised for each run as it is created, on demand or at an occurrence of a report's schedule, before
    /// any client can see it (so a record written here never misses a run a client collected). It is
    /// raised under the sandbox's lock, on the thread that made the run (a request's, or the schedule
    /// timer's on <see cref="TimeProvider"/>): keep the handler quick, and never wait in it for another
    /// thread that uses the sandbox. An exception from it fails the request, or is lost on the timer.
    /// </summary>
    /// <example>
    /// <code>
    /// sandbox.RunCreated += (_, run) => log.WriteLine($"{run.RunId} {run.From:yyyy-MM-dd}..{run.To:yyyy-MM-dd}");
    /// </code>
    /// </example>
    public event EventHandler<SandboxRun>? RunCreated;

    /// <summary>
    /// Every run the sandbox created so far, oldest first: on-demand runs and the runs of reports'
    /// schedules (made up to the sandbox's clock's now when this is read), with their windows, status,
    /// and the faults they got. A snapshot: read it again to see later changes.
    /// </summary>
    /// <example>
    /// <code>
    /// time.Advance(TimeSpan.FromDays(30));
    /// var daily = sandbox.Runs.Where(run => run.ReportId == reportId &amp;&amp; run.Scheduled).ToList();   // 30 runs
    /// </code>
    /// </example>
    public IReadOnlyList<SandboxRun> Runs => _store.Runs();

    /// <summary>
    /// The pushes of completed runs of <c>webhook</c> reports to their URLs, in the order the runs were
    /// accepted: each one's attempts and outcome. Only loopback URLs are sent to.
    /// </summary>
    public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Waits until the push of a run's artifact was delivered (a 2xx) or given up.</summary>
    /// <param name="runId">A run of a <c>webhook</c> report.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The delivery, settled.</returns>
    /// <exception cref="InvalidOperationException">No delivery is planned for <paramref name="runId"/> (not a webhook report's run, or one that fails).</exception>
    public async Task<SandboxWebhookDelivery> WaitForWebhookDeliveryAsync(string runId, CancellationToken cancellationToken = default)
    {
        var delivery = _webhooks.Deliveries.FirstOrDefault(d => d.RunId == runId)
            ?? throw new InvalidOperationException($"No webhook delivery is planned for run '{runId}': it is not a run of a webhook report, or it fails.");
        await delivery.Settled.WaitAsync(cancellationToken).ConfigureAwait(false);
        return delivery;
    }

    private void OnRunCreated(StoredRun run)
    {
        _webhooks.Schedule(run);
        RunCreated?.Invoke(this, run.Snapshot(run.CreatedAt));
    }
}
