namespace HeloData.Reports;

/// <summary>
/// When to poll next: after the <c>Retry-After</c> the service asked for, else exponential spacing
/// with jitter; never sooner than the minimum poll interval, so an answer of <c>Retry-After: 0</c>
/// (or a date in the past) cannot turn the wait into a busy loop.
/// </summary>
internal static class PollSchedule
{
    // Up to 10 %: enough to spread waits that started together, small against the growth factor.
    private const double MaxJitter = 0.1;

    public static TimeSpan NextDelay(TimeSpan waited, TimeSpan? retryAfter, WaitForCompletionOptions options, double random)
    {
        if (retryAfter is { } asked)
        {
            // Not capped by MaxPollInterval: the service may ask for longer; the caller bounds it by MaxWait.
            return asked < options.MinPollInterval ? options.MinPollInterval : asked;
        }

        // Jitter after the bounds, so it also spreads the polls the bounds would make identical (every
        // early poll sits at MinPollInterval): waits started together must not keep polling together.
        // It lengthens at the minimum, never below it, and shortens elsewhere, never past the growth bound.
        var seconds = Math.Clamp(waited.TotalSeconds * (options.GrowthFactor - 1), options.MinPollInterval.TotalSeconds, options.MaxPollInterval.TotalSeconds);
        var jittered = seconds <= options.MinPollInterval.TotalSeconds
            ? seconds * (1 + (MaxJitter * random))
            : Math.Max(seconds * (1 - (MaxJitter * random)), options.MinPollInterval.TotalSeconds);
        return TimeSpan.FromSeconds(jittered);
    }
}
