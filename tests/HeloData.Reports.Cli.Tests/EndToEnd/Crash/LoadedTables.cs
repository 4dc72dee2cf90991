using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>One report's window as the table sink holds it: which runs' rows are there, and how many rows.</summary>
internal sealed record LoadedWindow(string Table, string ReportId, DateOnly From, DateOnly To, IReadOnlyList<string> RunIds, long Rows);

/// <summary>What the PostgreSQL table sink loaded, read straight from its tables (one per report type, each with the run's key columns).</summary>
internal static class LoadedTables
{
    /// <summary>Every table of the sink's schema that has the run's key columns.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(NpgsqlConnection connection, string schema = "public") =>
        await ReadAsync(
            connection,
            "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'run_id' ORDER BY 1",
            reader => reader.GetString(0),
            schema);

    public static async Task<IReadOnlyList<LoadedWindow>> WindowsAsync(NpgsqlConnection connection, string table) =>
        await ReadAsync(
            connection,
            $"SELECT report_id, window_from, window_to, array_agg(DISTINCT run_id ORDER BY run_id), count(*) FROM {Quote(table)} GROUP BY 1, 2, 3",
            reader => new LoadedWindow(table, reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<string[]>(3), reader.GetInt64(4)));

    /// <summary>The sum of each of <paramref name="columns"/> over one run's rows.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> SumsAsync(NpgsqlConnection connection, string table, string runId, IReadOnlyCollection<string> columns)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return sums;
        }

        var select = string.Join(", ", columns.Select(column => $"coalesce(sum({Quote(column)})::numeric, 0)"));
        await using var command = new NpgsqlCommand($"SELECT {select} FROM {Quote(table)} WHERE run_id = $1", connection) { Parameters = { new() { Value = runId } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var i = 0;
        foreach (var column in columns)
        {
            sums[column] = reader.GetDecimal(i++);
        }

        return sums;
    }

    /// <summary>The table's columns of a numeric type.</summary>
    public static async Task<IReadOnlyList<string>> NumericColumnsAsync(NpgsqlConnection connection, string table, string schema = "public") =>
        await ReadAsync(
            connection,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND data_type IN ('smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision')",
            reader => reader.GetString(0),
            schema,
            table);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
