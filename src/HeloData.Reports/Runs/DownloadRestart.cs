using Polly;
using Polly.Retry;

namespace HeloData.Reports;

/// <summary>
/// When a file download fails transiently (the body cut short, the connection refused or dropped, a
/// <c>5xx</c> from the download host), <c>DownloadToFileAsync</c> starts it again from the first byte.
/// It can, because it owns its target: a failed attempt's temporary file is deleted before the next
/// one writes a new one, so bytes of two attempts never mix. A download into a caller's stream is not
/// restarted: what was already written there cannot be taken back.
/// </summary>
internal static class DownloadRestart
{
    /// <summary>Restarts after the first attempt: three attempts in all.</summary>
    public const int MaxRestarts = 2;

    /// <summary>The first pause before a restart; then doubling, with jitter.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static ResiliencePipeline Build(TimeProvider timeProvider) => new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            Name = "DownloadRestart",
            ShouldHandle = new PredicateBuilder().Handle<ReportsException>(exception => exception.IsTransient),
            MaxRetryAttempts = MaxRestarts,
            Delay = FirstDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
