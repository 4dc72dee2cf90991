using HeloData.Reports.Collector;

namespace HeloData.Reports.PostgreSql;

/// <summary>The one check of the assumption that leases rest on: this instance's clock agrees with the database's.</summary>
public sealed partial class PostgreSqlCollectorStateStore
{
    /// <summary>
    /// How far this store's <see cref="TimeProvider"/> may be from the database's clock before the start warns: a
    /// quarter of the lease (<see cref="ReportsCollectorOptions.ClaimLease"/>, its default for a store built in code).
    /// </summary>
    internal TimeSpan ClockSkewLimit { get; init; } = new ReportsCollectorOptions().ClaimLease / 4;

    // Leases are judged by each instance's clock (the fake-clock tests need that), so one whose clock is off by a good
    // part of a lease takes over live claims early, or keeps dead ones late: said once, at start, as a warning.
    private async Task CheckClockAsync(CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand("SELECT now()");
        var database = (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var after = _time.GetUtcNow();
        var skew = new DateTimeOffset(database, TimeSpan.Zero) - (before + ((after - before) / 2));
        if (skew.Duration() > ClockSkewLimit)
        {
            StoreLog.ClockSkew(_logger, InstanceName, Endpoint, skew.TotalSeconds, ClockSkewLimit.TotalSeconds);
        }
    }
}
