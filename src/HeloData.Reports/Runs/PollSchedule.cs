namespace HeloData.Reports.Runs;

/// <summary>When to poll next: <c>Retry-After</c> if the service said, else exponential spacing with jitter.</summary>
internal static class PollSchedule
{
    // Jitter only shortens a delay (by up to 10 %), so it spreads clients apart without ever
    // pushing detection past the growth factor's bound.
    private const double MaxJitter = 0.1;

    public static TimeSpan NextDelay(TimeSpan waited, TimeSpan? retryAfter, WaitForCompletionOptions options, double random)
    {
        if (retryAfter is { } asked)
        {
            return asked;
        }

        var proportional = waited.TotalSeconds * (options.GrowthFactor - 1) * (1 - (MaxJitter * random));
        var seconds = Math.Clamp(proportional, options.MinPollInterval.TotalSeconds, options.MaxPollInterval.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
