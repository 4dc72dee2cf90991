using Microsoft.Extensions.Logging;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>What the table sink logs: tables by schema-qualified name, databases by <see cref="PostgreSqlEndpoint"/>, never a connection string.</summary>
internal static partial class SinkLog
{
    [LoggerMessage(101, LogLevel.Information, "PostgreSQL sink tables in schema {Schema} on {Endpoint} created or completed ({Statements} statement(s))")]
    public static partial void TablesCreated(ILogger logger, string schema, PostgreSqlEndpoint endpoint, int statements);

    [LoggerMessage(102, LogLevel.Information, "Run {RunId} of {ReportId} ({From}..{To}) loaded into {Table}: {Rows} row(s), replacing {Replaced} row(s) of the same window")]
    public static partial void Loaded(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to, string table, long rows, long replaced);

    [LoggerMessage(103, LogLevel.Warning, "Run {RunId}: the artifact's column(s) {Columns} are not documented for {ReportType} rows and were not loaded into {Table}")]
    public static partial void ColumnsNotLoaded(ILogger logger, string runId, string reportType, string table, string columns);

    [LoggerMessage(104, LogLevel.Information, "PostgreSQL sink tables in schema {Schema}: a change to an existing table waited {LockTimeout} ms for a lock a running load or reader holds (attempt {Attempt}); rolled back and tried again in {Pause} ms, so no session queues behind it meanwhile")]
    public static partial void TableInUse(ILogger logger, string schema, double lockTimeout, int attempt, double pause);
}
