using Microsoft.Extensions.Logging;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>
/// How the sink changes a table other sessions may be using: a change to an existing table (<c>ALTER TABLE … ADD
/// COLUMN</c>, <c>CREATE INDEX</c>) needs a lock a running load holds the opposite of, and while it waits in
/// PostgreSQL's lock queue every later reader and writer of the table waits behind it. So each attempt waits at
/// most <see cref="LockTimeout"/> for its locks (<c>SET LOCAL lock_timeout</c>), then gives up, rolls back and
/// pauses, letting the queue drain, before trying again: the loads and readers of the table are held up at most
/// <see cref="LockTimeout"/> at a time, never for as long as a load lasts.
/// </summary>
/// <param name="LockTimeout">How long one attempt waits for a table's lock.</param>
/// <param name="FirstPause">The pause after the first attempt that found a table in use, doubled after each.</param>
/// <param name="LongestPause">The longest pause between attempts.</param>
internal sealed record TableLockPatience(TimeSpan LockTimeout, TimeSpan FirstPause, TimeSpan LongestPause)
{
    /// <summary>A second of waiting, then pauses from a second up to half a minute, until the change is made or the caller stops.</summary>
    public static TableLockPatience Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The statement that bounds the waits of the rest of the caller's transaction.</summary>
    public string SetLockTimeout => $"SET LOCAL lock_timeout = {Math.Max(1, (long)LockTimeout.TotalMilliseconds)}";

    /// <summary>
    /// Runs <paramref name="attempt"/> (a transaction that begins with <see cref="SetLockTimeout"/>) until it is not
    /// refused for a lock it waited <see cref="LockTimeout"/> for, pausing between attempts.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> stopped the attempts.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, ILogger logger, string schema, CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                SinkLog.TableInUse(logger, schema, LockTimeout.TotalMilliseconds, attempts, pause.TotalMilliseconds);
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
