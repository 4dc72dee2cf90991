using Microsoft.Extensions.Logging;

namespace HeloData.Reports.PostgreSql;

/// <summary>What the PostgreSQL state store logs: never a connection string, only its <see cref="PostgreSqlEndpoint"/>.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Collector state schema {Schema} on {Endpoint} upgraded from version {From} to {To}")]
    public static partial void SchemaUpgraded(ILogger logger, string schema, PostgreSqlEndpoint endpoint, int from, int to);

    [LoggerMessage(2, LogLevel.Warning, "Released {Runs} run claim(s) and {Backfills} backfill claim(s) that earlier lives of instance {InstanceName} left: their runs are offered again at once")]
    public static partial void EarlierLivesReleased(ILogger logger, string instanceName, int runs, int backfills);
}
