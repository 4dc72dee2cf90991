namespace HeloData.Reports.Testing;

/// <summary>
/// The push of one run's artifact to its report's webhook <c>url</c>: every attempt and how it ended.
/// Read it from <see cref="ReportsSandbox.WebhookDeliveries"/> or <see cref="ReportsSandbox.WaitForWebhookDeliveryAsync"/>.
/// </summary>
public sealed class SandboxWebhookDelivery
{
    private readonly List<SandboxWebhookAttempt> _attempts = [];
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SandboxWebhookOutcome _outcome;

    internal SandboxWebhookDelivery(string runId, string reportId, Uri url)
    {
        RunId = runId;
        ReportId = reportId;
        Url = url;
    }

    /// <summary>The run whose artifact is pushed; sent as <c>webhook-id</c>.</summary>
    public string RunId { get; }

    /// <summary>The run's report.</summary>
    public string ReportId { get; }

    /// <summary>Where it is pushed: the report's <c>destination.url</c> when the run was accepted.</summary>
    public Uri Url { get; }

    /// <summary>Where the delivery stands.</summary>
    public SandboxWebhookOutcome Outcome
    {
        get
        {
            lock (_attempts)
            {
                return _outcome;
            }
        }
    }

    /// <summary>The attempts so far, oldest first (a duplicated attempt counts twice).</summary>
    public IReadOnlyList<SandboxWebhookAttempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Completes once the delivery is delivered or given up.</summary>
    internal Task Settled => _settled.Task;

    /// <inheritdoc />
    public override string ToString() => $"{RunId} → {Url}: {Outcome}, {Attempts.Count} attempt(s)";

    internal void Record(IEnumerable<SandboxWebhookAttempt> attempts, SandboxWebhookOutcome outcome)
    {
        lock (_attempts)
        {
            _attempts.AddRange(attempts);
            _outcome = outcome;
        }

        if (outcome != SandboxWebhookOutcome.Pending)
        {
            _settled.TrySetResult();
        }
    }

    internal void Abandon() => _settled.TrySetCanceled();
}
