using System.Text;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>
/// The sink's tables, one per report type this package knows, and their creation: whatever is missing (the schema, a
/// table, a column a newer row type added, the index) is created at start, in one transaction under an advisory lock
/// on the schema's name, so sinks starting at once take turns and all but the first find the work done. A table an
/// older package made is altered (a column, the index) only as <see cref="TableLockPatience"/> allows: a load running
/// on it makes the change wait and retry, never queue the table's other sessions behind it for the load's length.
/// </summary>
internal static class SinkTables
{
    private static readonly SinkTable[] All =
    [
        new SinkTable<TrafficRow>(ReportType.Traffic),
        new SinkTable<RequestRow>(ReportType.Requests),
        new SinkTable<InvoiceRow>(ReportType.Invoices),
        new SinkTable<SubuserRow>(ReportType.Subusers),
        new SinkTable<IspBatchRow>(ReportType.IspBatches),
    ];

    /// <summary>Every table, in the order of the report types.</summary>
    public static IReadOnlyList<SinkTable> Every => All;

    /// <summary>The table of a report type; <see langword="null"/> for a type this package does not know.</summary>
    public static SinkTable? For(ReportType reportType) => All.FirstOrDefault(table => table.ReportType == reportType);

    /// <summary>Creates what is missing of the schema, the tables, their columns and their indexes.</summary>
    /// <returns>How many statements it took: 0 when everything was there.</returns>
    public static Task<int> EnsureAsync(
        NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken, TableLockPatience? patience = null, ILogger? logger = null)
    {
        patience ??= TableLockPatience.Default;
        return patience.RunAsync(ct => AttemptAsync(dataSource, schema, patience, ct), logger ?? NullLogger.Instance, schema, cancellationToken);
    }

    private static async Task<int> AttemptAsync(NpgsqlDataSource dataSource, string schema, TableLockPatience patience, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
                {
                    lockCommand.Parameters.AddWithValue($"HeloData.Reports.PostgreSql tables {schema}");
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // After the advisory lock: sinks starting at once wait for each other's (short) attempts as before.
                await using (var timeout = new NpgsqlCommand(patience.SetLockTimeout, connection, transaction))
                {
                    await timeout.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var found = await FindAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
                var statements = Missing(schema, found).ToList();
                if (statements.Count > 0)
                {
                    await using var create = new NpgsqlCommand(string.Join(";\n", statements), connection, transaction);
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return statements.Count;
            }
        }
    }

    /// <summary>The DDL for what <paramref name="found"/> lacks.</summary>
    private static IEnumerable<string> Missing(string schema, Found found)
    {
        var quoted = SinkSql.Quote(schema);
        if (!found.Schema)
        {
            yield return $"CREATE SCHEMA {quoted}";
        }

        foreach (var table in All)
        {
            var name = table.QuotedIn(schema);
            if (!found.Columns.TryGetValue(table.Name, out var columns))
            {
                var definition = new StringBuilder();
                foreach (var (column, type) in table.AllColumns)
                {
                    var required = SinkTable.RunColumns.Any(run => run.Name == column) ? " NOT NULL" : string.Empty;
                    definition.Append(definition.Length == 0 ? string.Empty : ", ").Append(SinkSql.Quote(column)).Append(' ').Append(type).Append(required);
                }

                yield return $"CREATE TABLE {name} ({definition})";
            }
            else
            {
                // A row type of a newer package reads a column more: the table grows it (empty in the rows loaded before).
                foreach (var (column, type) in table.AllColumns.Where(column => !columns.Contains(column.Name)))
                {
                    yield return $"ALTER TABLE {name} ADD COLUMN {SinkSql.Quote(column)} {type}";
                }
            }

            if (!found.Indexes.Contains(table.IndexName))
            {
                yield return $"CREATE INDEX {SinkSql.Quote(table.IndexName)} ON {name} (report_id, window_from, window_to)";
            }
        }
    }

    private static async Task<Found> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT 's', nspname, NULL FROM pg_namespace WHERE nspname = $1
            UNION ALL
            SELECT 'c', c.relname, a.attname FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2)
            UNION ALL
            SELECT 'i', indexname, NULL FROM pg_indexes WHERE schemaname = $1 AND indexname = ANY($3)
            """;
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue(schema);
        command.Parameters.AddWithValue(All.Select(table => table.Name).ToArray());
        command.Parameters.AddWithValue(All.Select(table => table.IndexName).ToArray());
        var found = new Found();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(1);
                switch (reader.GetString(0))
                {
                    case "s":
                        found.Schema = true;
                        break;
                    case "c":
                        (found.Columns.TryGetValue(name, out var columns) ? columns : found.Columns[name] = new HashSet<string>(StringComparer.Ordinal)).Add(reader.GetString(2));
                        break;
                    default:
                        found.Indexes.Add(name);
                        break;
                }
            }
        }

        return found;
    }

    /// <summary>What the database has already: the schema, each table's columns, the indexes.</summary>
    private sealed class Found
    {
        public bool Schema { get; set; }

        public Dictionary<string, HashSet<string>> Columns { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Indexes { get; } = new(StringComparer.Ordinal);
    }
}
