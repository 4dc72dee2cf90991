using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>
/// The SQLite store's tables, created and upgraded when a process opens the file: each version's step runs once,
/// in order, and the version reached is recorded, so a later version of the package adds a step and upgrades
/// files an earlier one wrote.
/// </summary>
/// <remarks>
/// Times are UTC Unix milliseconds; window days are <c>yyyy-MM-dd</c> text (which sorts as the days do). A run
/// holds a claim while <c>life</c> is set; <c>unfinished</c> says a claim of it ended with no outcome. Version 2 keeps
/// with each checkpoint the schedule it was judged by (NULL in a file written by version 1: not known).
/// </remarks>
internal static class SqliteCollectorSchema
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE helodata_collector_runs (
            run_id       TEXT    NOT NULL PRIMARY KEY,
            report_id    TEXT    NULL,
            window_from  TEXT    NULL,
            window_to    TEXT    NULL,
            owner        TEXT    NULL,
            life         TEXT    NULL,
            lease_until  INTEGER NULL,
            attempts     INTEGER NOT NULL DEFAULT 0,
            unfinished   INTEGER NOT NULL DEFAULT 0,
            collected_at INTEGER NULL,
            failed       INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX helodata_collector_runs_window ON helodata_collector_runs (report_id, window_to);
        CREATE INDEX helodata_collector_runs_owner ON helodata_collector_runs (owner) WHERE life IS NOT NULL;
        CREATE TABLE helodata_collector_finished_handlers (
            run_id      TEXT    NOT NULL,
            handler     TEXT    NOT NULL,
            finished_at INTEGER NOT NULL,
            PRIMARY KEY (run_id, handler)
        );
        CREATE TABLE helodata_collector_checkpoints (
            report_id  TEXT    NOT NULL PRIMARY KEY,
            checkpoint INTEGER NOT NULL
        );
        CREATE TABLE helodata_collector_gaps (
            report_id       TEXT    NOT NULL,
            window_from     TEXT    NOT NULL,
            window_to       TEXT    NOT NULL,
            due_at          INTEGER NOT NULL,
            status          INTEGER NOT NULL,
            failed_run_id   TEXT    NULL,
            backfill_run_id TEXT    NULL,
            owner           TEXT    NULL,
            life            TEXT    NULL,
            lease_until     INTEGER NULL,
            PRIMARY KEY (report_id, window_from, window_to)
        );
        """,
        """
        ALTER TABLE helodata_collector_checkpoints ADD COLUMN schedule TEXT NULL;
        ALTER TABLE helodata_collector_checkpoints ADD COLUMN schedule_seen_at INTEGER NULL;
        """,
    ];

    /// <summary>The schema version this package writes.</summary>
    public static int Version => Steps.Length;

    /// <summary>Brings the file's schema to <see cref="Version"/>, inside the caller's write transaction.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a later version of the package.</exception>
    public static void Prepare(SqliteConnection connection)
    {
        SqliteCommands.Execute(connection, "CREATE TABLE IF NOT EXISTS helodata_collector_schema (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)");
        var current = (int)(long)(SqliteCommands.Scalar(connection, "SELECT max(version) FROM helodata_collector_schema") ?? 0L);
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"The collector state store {connection.DataSource} cannot be used: its schema is version {current}, written by a later version of HeloData.Reports.Collector than this one (which knows versions up to {Version}).");
        }

        for (var version = current + 1; version <= Version; version++)
        {
            SqliteCommands.Execute(connection, Steps[version - 1]);
            SqliteCommands.Execute(
                connection,
                "INSERT INTO helodata_collector_schema (version, applied_at) VALUES ($version, $now)",
                ("$version", version),
                ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
    }
}
