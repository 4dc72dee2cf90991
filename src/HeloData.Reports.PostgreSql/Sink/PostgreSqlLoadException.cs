namespace HeloData.Reports.PostgreSql;

/// <summary>
/// A run that the PostgreSQL table sink (<c>LoadIntoPostgreSql</c>) did not load: its report type has no table, a
/// value of its artifact cannot be read or stored exactly, the artifact is malformed or cut short, or the server
/// refused the rows. Nothing of the run was written: its transaction rolled back, and the rows an earlier run of the
/// same window left are still there. The collector offers the run again at its next pass.
/// </summary>
public sealed class PostgreSqlLoadException : Exception
{
    /// <summary>Creates the exception; for the sink and for application tests.</summary>
    /// <param name="message">What went wrong, naming the run (and the row and column, when one is to blame).</param>
    /// <param name="runId">The run that was not loaded.</param>
    /// <param name="table">The table it was loaded into (<c>public.helodata_traffic</c>), when known.</param>
    /// <param name="column">The column to blame, if any.</param>
    /// <param name="rowNumber">The 1-based data row to blame, if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public PostgreSqlLoadException(string message, string runId, string? table = null, string? column = null, long? rowNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RunId = runId;
        Table = table;
        Column = column;
        RowNumber = rowNumber;
    }

    /// <summary>The run that was not loaded.</summary>
    public string RunId { get; }

    /// <summary>The table (schema-qualified) the run was loaded into; <see langword="null"/> when its report type has none.</summary>
    public string? Table { get; }

    /// <summary>The column to blame; <see langword="null"/> for a problem of a whole row, the file or the table.</summary>
    public string? Column { get; }

    /// <summary>The 1-based data row of the artifact to blame; <see langword="null"/> when no single row is.</summary>
    public long? RowNumber { get; }
}
