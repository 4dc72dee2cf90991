using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// How <see cref="IReportsClient.WaitForCompletionAsync"/> polls a run: a short first delay, then
/// polls spaced exponentially (each about <see cref="GrowthFactor"/> times the time already waited),
/// with jitter, between <see cref="MinPollInterval"/> and <see cref="MaxPollInterval"/>, for at most
/// <see cref="MaxWait"/>. A <c>Retry-After</c> on a status response sets the next delay instead.
/// </summary>
/// <remarks>
/// Spacing polls in proportion to the time already waited keeps the delay between a run finishing
/// and the client noticing within about <c>GrowthFactor − 1</c> (10 % by default) of the run's
/// duration, with a number of polls that grows only logarithmically until the interval reaches its cap.
/// </remarks>
public sealed class WaitForCompletionOptions
{
    /// <summary>The delay before the first poll.</summary>
    /// <value>The default value is 1 second. Allowed: 0 to 30 days.</value>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest delay between two polls, even when the service answers <c>Retry-After: 0</c>.</summary>
    /// <value>The default value is 1 second. Allowed: more than 0, up to 30 days.</value>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two polls (a <c>Retry-After</c> may ask for longer, within <see cref="MaxWait"/>).</summary>
    /// <value>The default value is 60 seconds. Allowed: <see cref="MinPollInterval"/> to 30 days.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How fast polls spread out: the next poll comes at about this factor times the time already
    /// waited. Must be above 1.
    /// </summary>
    /// <value>The default value is 1.1.</value>
    public double GrowthFactor { get; set; } = 1.1;

    /// <summary>
    /// The longest the wait may last in all. When it runs out, or when the service asks (with
    /// <c>Retry-After</c>) for a pause that would end past it, a <see cref="ReportRunTimeoutException"/>
    /// carries the last status seen.
    /// </summary>
    /// <value>The default value is 2 hours. Allowed: more than 0, up to 30 days.</value>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Told of every status change, the first status included; <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IProgress<ReportRun>? Progress { get; set; }

    /// <summary>The longest any of the durations may be: timers take at most about 49 days, and no report runs for a month.</summary>
    internal static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    internal void Validate(string paramName)
    {
        Check(InitialDelay >= TimeSpan.Zero && InitialDelay <= MaxDuration, nameof(InitialDelay), "must be between 0 and 30 days");
        Check(MinPollInterval > TimeSpan.Zero && MinPollInterval <= MaxDuration, nameof(MinPollInterval), "must be positive and at most 30 days");
        Check(MaxPollInterval >= MinPollInterval && MaxPollInterval <= MaxDuration, nameof(MaxPollInterval), $"must be at least MinPollInterval ({MinPollInterval}) and at most 30 days");
        Check(GrowthFactor > 1 && double.IsFinite(GrowthFactor), nameof(GrowthFactor), "must be a finite number above 1");
        Check(MaxWait > TimeSpan.Zero && MaxWait <= MaxDuration, nameof(MaxWait), "must be positive and at most 30 days");

        void Check(bool valid, string setting, string rule)
        {
            if (!valid)
            {
                throw new ArgumentOutOfRangeException($"{paramName}.{setting}", $"WaitForCompletionOptions.{setting} {rule}.");
            }
        }
    }
}
