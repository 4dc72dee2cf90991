namespace HeloData.Reports.Runs;

/// <summary>
/// When to poll next: after the <c>Retry-After</c> the service asked for, else exponential spacing
/// with jitter; never sooner than the minimum poll interval, so an answer of <c>Retry-After: 0</c>
/// (or a date in the past) cannot turn the wait into a busy loop.
/// </summary>
internal static class PollSchedule
{
    // Jitter only shortens a delay (by up to 10 %), so it spreads clients apart without ever
    // pushing detection past the growth factor's bound.
    private const double MaxJitter = 0.1;

    public static TimeSpan NextDelay(TimeSpan waited, TimeSpan? retryAfter, WaitForCompletionOptions options, double random)
    {
        if (retryAfter is { } asked)
        {
            // Not capped by MaxPollInterval: the service may ask for longer; the caller bounds it by MaxWait.
            return asked < options.MinPollInterval ? options.MinPollInterval : asked;
        }

        var proportional = waited.TotalSeconds * (options.GrowthFactor - 1) * (1 - (MaxJitter * random));
        var seconds = Math.Clamp(proportional, options.MinPollInterval.TotalSeconds, options.MaxPollInterval.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
