namespace HeloData.Reports.Testing;

/// <summary>
/// How a run the sandbox accepts moves on: <c>queued</c> for <see cref="Queued"/>, then <c>running</c>
/// for <see cref="Running"/>, then <c>completed</c>, or <c>failed</c> with <see cref="FailureCode"/> when set.
/// Measured on the sandbox's <see cref="TimeProvider"/>.
/// </summary>
/// <param name="Queued">How long a new run stays queued.</param>
/// <param name="Running">How long it then runs.</param>
/// <param name="FailureCode">When set, the run ends <c>failed</c> with this <c>error.code</c>.</param>
/// <param name="FailureMessage">The failed run's <c>error.message</c>.</param>
public sealed record RunTimeline(TimeSpan Queued, TimeSpan Running, string? FailureCode = null, string? FailureMessage = null)
{
    /// <summary>One second queued, two seconds running, then completed.</summary>
    public static RunTimeline Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>Completed at once.</summary>
    public static RunTimeline Instant { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A timeline that ends <c>failed</c>.</summary>
    /// <param name="code">The run's <c>error.code</c>, such as <c>internal_error</c>.</param>
    /// <param name="message">The run's <c>error.message</c>.</param>
    /// <param name="after">How long until it fails; one second when <see langword="null"/>.</param>
    /// <returns>The timeline.</returns>
    public static RunTimeline Failing(string code, string message, TimeSpan? after = null) =>
        new(TimeSpan.Zero, after ?? TimeSpan.FromSeconds(1), code, message);

    /// <summary>The total time from acceptance to the final status.</summary>
    public TimeSpan Duration => Queued + Running;
}
