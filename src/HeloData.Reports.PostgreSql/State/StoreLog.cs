using Microsoft.Extensions.Logging;

namespace HeloData.Reports.PostgreSql;

/// <summary>What the PostgreSQL state store logs: never a connection string, only its <see cref="PostgreSqlEndpoint"/>.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Collector state schema {Schema} on {Endpoint} upgraded from version {From} to {To}")]
    public static partial void SchemaUpgraded(ILogger logger, string schema, PostgreSqlEndpoint endpoint, int from, int to);

    [LoggerMessage(2, LogLevel.Warning, "Released {Runs} run claim(s) and {Backfills} backfill claim(s) that earlier lives of instance {InstanceName} left: their runs are offered again at once")]
    public static partial void EarlierLivesReleased(ILogger logger, string instanceName, int runs, int backfills);

    [LoggerMessage(3, LogLevel.Error, "The session that holds instance {InstanceName}'s lock on {Endpoint} was lost: this store renews no claim from now on (its claims lapse after their lease and the collector stops their handlers), as another process of that name may start and release them; restart the process")]
    public static partial void InstanceSessionLost(ILogger logger, string instanceName, PostgreSqlEndpoint endpoint);

    [LoggerMessage(4, LogLevel.Warning, "Instance {InstanceName}'s clock is {SkewSeconds:0.#} s behind the clock of {Endpoint} (a positive figure) or ahead of it (a negative one), more than a quarter of the claim lease ({LimitSeconds:0.#} s): leases are judged by each instance's clock, so keep the clocks in sync (NTP) or live claims may be taken over early")]
    public static partial void ClockSkew(ILogger logger, string instanceName, PostgreSqlEndpoint endpoint, double skewSeconds, double limitSeconds);
}
