using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing.Webhooks;

/// <summary>
/// Pushes the artifact of each completed run of a <c>webhook</c> report to its URL, as the contract's
/// "Webhook deliveries" section says: signed (Standard Webhooks, the destination's <c>signing_secret</c>),
/// retried on any answer but 2xx or none in 30 s, on <see cref="ReportsSandboxOptions.WebhookRetryDelays"/>
/// instead of the service's day. Only loopback URLs are ever sent to.
/// </summary>
internal sealed class WebhookPusher : IDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StaleBy = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly SandboxFaults _faults;
    private readonly int _seed;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly CancellationToken _stopping;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = AttemptTimeout };
    private readonly List<SandboxWebhookDelivery> _deliveries = [];
    private readonly List<ITimer> _timers = [];

    public WebhookPusher(TimeProvider time, SandboxFaults faults, int seed, IReadOnlyList<TimeSpan> retryDelays, CancellationToken stopping)
    {
        _time = time;
        _faults = faults;
        _seed = seed;
        _retryDelays = retryDelays;
        _stopping = stopping;
    }

    public IReadOnlyList<SandboxWebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Plans the push of a just-accepted run's artifact for when it completes; nothing for other destinations or a run that will fail.</summary>
    public void Schedule(StoredRun run)
    {
        if (run.Destination is not JsonObject destination
            || (string?)destination["type"] != "webhook"
            || run.Timeline.FailureCode is not null
            || !Uri.TryCreate((string?)destination["url"], UriKind.Absolute, out var url))
        {
            return;
        }

        var delivery = new SandboxWebhookDelivery(run.Id, run.ReportId, url);
        var push = new Push(delivery, run, Key((string?)destination["signing_secret"] ?? ""));
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }

        After(run.FinishedAt - _time.GetUtcNow(), push);
    }

    public void Dispose()
    {
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        foreach (var delivery in Deliveries)
        {
            delivery.Abandon();
        }

        _http.Dispose();
    }

    /// <summary>The signing key, as the contract says: base64 after <c>whsec_</c>, otherwise the UTF-8 bytes.</summary>
    internal static byte[] Key(string secret)
    {
        const string prefix = "whsec_";
        if (secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            try
            {
                return Convert.FromBase64String(secret[prefix.Length..]);
            }
            catch (FormatException)
            {
                // The service would have refused such a secret; the sandbox signs with its bytes rather than not at all.
            }
        }

        return Encoding.UTF8.GetBytes(secret);
    }

    private void After(TimeSpan due, Push push)
    {
        lock (_timers)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            ITimer? timer = null;
            timer = _time.CreateTimer(
                _ =>
                {
                    lock (_timers)
                    {
                        _timers.Remove(timer!);
                    }

                    timer!.Dispose();
                    _ = AttemptAsync(push);
                },
                null,
                due < TimeSpan.Zero ? TimeSpan.Zero : due,
                Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    private async Task AttemptAsync(Push push)
    {
        var fault = _faults.NextDelivery();
        var now = _time.GetUtcNow();
        var timestamp = (fault == SandboxWebhookFault.StaleTimestamp ? now - StaleBy : now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = fault == SandboxWebhookFault.BadSignature ? RandomNumberGenerator.GetBytes(32) : push.Key;

        SandboxWebhookAttempt[] attempts;
        try
        {
            var body = await BodyAsync(push.Run).ConfigureAwait(false);
            var signature = await body.SignAsync(key, push.Run.Id, timestamp, _stopping).ConfigureAwait(false);
            var copies = fault == SandboxWebhookFault.Duplicate ? 2 : 1;
            attempts = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => PostAsync(push, body, timestamp, signature, fault, now))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }

        var delivered = attempts.Any(attempt => attempt.Succeeded);
        var retries = push.Retries++;
        var outcome = delivered ? SandboxWebhookOutcome.Delivered
            : retries < _retryDelays.Count ? SandboxWebhookOutcome.Pending
            : SandboxWebhookOutcome.GaveUp;
        push.Delivery.Record(attempts, outcome);
        if (outcome == SandboxWebhookOutcome.Pending)
        {
            After(_retryDelays[retries], push);
        }
    }

    private async Task<SandboxWebhookAttempt> PostAsync(Push push, PushedBody body, string timestamp, string signature, SandboxWebhookFault fault, DateTimeOffset at)
    {
        if (fault == SandboxWebhookFault.Unreachable)
        {
            return new SandboxWebhookAttempt(at, fault, null, "connection refused (sandbox fault injection: the receiver is down)");
        }

        if (!push.Delivery.Url.IsLoopback || (push.Delivery.Url.Scheme != Uri.UriSchemeHttp && push.Delivery.Url.Scheme != Uri.UriSchemeHttps))
        {
            return new SandboxWebhookAttempt(at, fault, null, "not sent: the sandbox pushes to loopback http(s) URLs only");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, push.Delivery.Url) { Content = body.Content() };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(SandboxArtifacts.ContentType(push.Run.Format));
        request.Headers.Add("webhook-id", push.Run.Id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);
        request.Headers.Add("helodata-report-id", push.Run.ReportId);
        request.Headers.Add("helodata-report-type", push.Run.Type);
        request.Headers.Add("helodata-format", push.Run.Format);
        request.Headers.Add("helodata-window-from", push.Run.From.ToString(SandboxContract.DateFormat, CultureInfo.InvariantCulture));
        request.Headers.Add("helodata-window-to", push.Run.To.ToString(SandboxContract.DateFormat, CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, _stopping).ConfigureAwait(false);
            return new SandboxWebhookAttempt(at, fault, (int)response.StatusCode, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !_stopping.IsCancellationRequested)
        {
            return new SandboxWebhookAttempt(at, fault, null, exception is TaskCanceledException ? $"no answer in {AttemptTimeout.TotalSeconds:0} s" : exception.Message);
        }
    }

    private ArtifactRequest Artifact(StoredRun run) => new(run.Id, run.Type, run.Format, run.From, run.To, run.Products, _seed, run.ArtifactRowCount);

    /// <summary>
    /// A window-sized artifact is made once and kept, as for downloads; one with a row count is generated
    /// again for each pass (signing, then each POST), so a huge one is never held in memory.
    /// </summary>
    private async Task<PushedBody> BodyAsync(StoredRun run) =>
        run.ArtifactRowCount is null
            ? new PushedBody(run.Artifact ??= await ArtifactGenerator.GenerateAsync(Artifact(run), _stopping).ConfigureAwait(false), null)
            : new PushedBody(null, Artifact(run));

    private sealed class Push(SandboxWebhookDelivery delivery, StoredRun run, byte[] key)
    {
        public SandboxWebhookDelivery Delivery { get; } = delivery;

        public StoredRun Run { get; } = run;

        public byte[] Key { get; } = key;

        public int Retries { get; set; }
    }
}
