using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Carries what a receiver before issue 20 recorded in its file (the table <c>helodata_deliveries</c> of the removed
/// <c>SqliteReportDeliveryStore</c>, at the same <see cref="ReportWebhookOptions.StorePath"/>) into the collector's
/// tables in that file, so a redelivery of a run handled before the upgrade is not handled again.
/// </summary>
/// <remarks>
/// <para>
/// Every old row is carried, in one transaction with a marker row that makes the import happen once: a handled run
/// as collected (at its old time); a run whose claim ended with no outcome (marked unfinished, or still leased by a
/// process the upgrade stopped) as unfinished, so its next claim says it may have been handled; a released run with its
/// attempts. A run the new tables have already keeps its claim and adds the old attempts.
/// </para>
/// <para>
/// The old table is kept as it was: nothing of it is lost if the import is ever doubted, and a receiver of the previous
/// version opened on the file again still finds its own record. It is a few tens of bytes a run.
/// </para>
/// </remarks>
internal static partial class DeliveryStoreUpgrade
{
    /// <summary>The earlier receiver's table.</summary>
    public const string OldTable = "helodata_deliveries";

    private const string OldTableExists = $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{OldTable}'";

    private const string MarkerTableExists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'helodata_webhook_imports'";

    private const string Marker = $"SELECT 1 FROM helodata_webhook_imports WHERE source = '{OldTable}'";

    private const string CountHandled = $"SELECT count(*) FROM {OldTable} WHERE handled_at IS NOT NULL";

    private const string Import = """
        INSERT INTO helodata_collector_runs (run_id, attempts, unfinished, collected_at)
        SELECT run_id, attempts, CASE WHEN handled_at IS NULL AND (unfinished <> 0 OR lease_until IS NOT NULL) THEN 1 ELSE 0 END, handled_at
        FROM helodata_deliveries WHERE true
        ON CONFLICT (run_id) DO UPDATE SET
            attempts = attempts + excluded.attempts,
            unfinished = unfinished | excluded.unfinished,
            collected_at = CASE WHEN life IS NULL THEN coalesce(collected_at, excluded.collected_at) ELSE collected_at END
        """;

    /// <summary>
    /// Imports the old table's runs into the collector's tables of the file at <paramref name="path"/>, once; the
    /// collector's store must have been started on it (its tables exist).
    /// </summary>
    /// <returns>The runs imported now; <see langword="null"/> when there was nothing to import (no old table, or imported before).</returns>
    /// <exception cref="SqliteException">The file could not be read or written.</exception>
    public static async Task<Imported?> RunAsync(string path, TimeSpan busyTimeout, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // A read first, so a file without the old table (every file made since) takes no write lock here.
            if (await ScalarAsync(connection, null, OldTableExists, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL", cancellationToken).ConfigureAwait(false);

            // IMMEDIATE: receivers sharing the file and starting at once import one after the other; all but the first find the marker.
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "CREATE TABLE IF NOT EXISTS helodata_webhook_imports (source TEXT NOT NULL PRIMARY KEY, imported_at INTEGER NOT NULL, handled INTEGER NOT NULL, not_handled INTEGER NOT NULL)",
                    cancellationToken).ConfigureAwait(false);
                if (await ScalarAsync(connection, transaction, Marker, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return null;
                }

                var handled = (long)(await ScalarAsync(connection, transaction, CountHandled, cancellationToken).ConfigureAwait(false))!;
                var notHandled = (long)(await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {OldTable} WHERE handled_at IS NULL", cancellationToken).ConfigureAwait(false))!;
                await ExecuteAsync(connection, transaction, Import, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO helodata_webhook_imports (source, imported_at, handled, not_handled) VALUES ('{OldTable}', {time.GetUtcNow().ToUnixTimeMilliseconds()}, {handled}, {notHandled})",
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                var imported = new Imported(handled, notHandled);
                LogImported(logger, handled, notHandled, OldTable, path);
                return imported;
            }
        }
    }

    /// <summary>
    /// Warns when the file at <paramref name="path"/>, which the receiver does not record in (another store is
    /// registered), holds handled runs of an earlier receiver that were never imported: their redeliveries are handled again.
    /// </summary>
    public static async Task WarnIfLeftAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            // Only reads, yet ReadWrite: the earlier receiver's file is in WAL mode, and a read-only connection to it creates
            // -wal and -shm beside it and leaves them at close; the last read-write connection to close removes them.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (await ScalarAsync(connection, null, OldTableExists, cancellationToken).ConfigureAwait(false) is null
                    || (await ScalarAsync(connection, null, MarkerTableExists, cancellationToken).ConfigureAwait(false) is not null
                        && await ScalarAsync(connection, null, Marker, cancellationToken).ConfigureAwait(false) is not null))
                {
                    return; // no earlier receiver's table, or imported while the receiver recorded in this file
                }

                LogLeft(logger, path, (long)(await ScalarAsync(connection, null, CountHandled, cancellationToken).ConfigureAwait(false))!, OldTable);
            }
        }
        catch (SqliteException exception)
        {
            LogLeftUnread(logger, exception, path, OldTable);
        }
    }

    [LoggerMessage(61, LogLevel.Warning, "The file {Path} (ReportWebhookOptions.StorePath) holds {Handled} run(s) an earlier receiver handled, in its table {Table}, not imported: the receiver records in the registered ICollectorStateStore now, so a redelivery of one of them is handled again")]
    private static partial void LogLeft(ILogger logger, string path, long handled, string table);

    [LoggerMessage(62, LogLevel.Warning, "The file {Path} (ReportWebhookOptions.StorePath) could not be read for an earlier receiver's table {Table}; the receiver records in the registered ICollectorStateStore now, and runs that file may hold are not imported")]
    private static partial void LogLeftUnread(ILogger logger, Exception exception, string path, string table);

    [LoggerMessage(60, LogLevel.Information, "Imported {Handled} handled run(s) and {NotHandled} not handled from the earlier receiver's table {Table} in {Path} into the collector's tables (once; the old table is kept): a redelivery of a run handled before the upgrade is not handled again")]
    private static partial void LogImported(ILogger logger, long handled, long notHandled, string table, string path);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How many runs an import carried: handled before the upgrade, and recorded but not handled.</summary>
    public sealed record Imported(long Handled, long NotHandled);
}
