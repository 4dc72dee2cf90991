using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>What another program (a backup, the sqlite3 shell) does when it holds the store's file: an exclusive transaction left open.</summary>
internal static class SqliteLock
{
    public static SqliteConnection Hold(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE; UPDATE helodata_collector_runs SET attempts = attempts;";
        begin.ExecuteNonQuery();
        return connection;
    }
}
