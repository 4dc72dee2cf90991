using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>Commands with named parameters on the writer's connection, for the SQLite store's statements.</summary>
internal static class SqliteCommands
{
    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            // Only the ones the statement names: callers pass a common set.
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return command;
    }

    /// <summary>The first column of the first row, or <see langword="null"/> when there is no row or it is NULL.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }
}
