using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using Npgsql;
using NpgsqlTypes;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>
/// The table of one report type (<c>helodata_traffic</c>, …): the run's key columns, then the row type's documented
/// columns (<see cref="ReportRows.ColumnsOf{TRow}"/>) in their order, each of the PostgreSQL type that keeps its values
/// exactly. A column the row type does not know is not loaded.
/// </summary>
internal abstract class SinkTable
{
    /// <summary>The columns every table starts with, which say which run (of which report and window) a row came from.</summary>
    public static readonly (string Name, string SqlType)[] RunColumns =
        [("report_id", "text"), ("run_id", "text"), ("window_from", "date"), ("window_to", "date"), ("row_number", "bigint")];

    protected SinkTable(ReportType reportType, IReadOnlyList<ReportRowColumn> rowColumns)
    {
        ReportType = reportType;
        Name = "helodata_" + reportType;
        Columns = [.. rowColumns.Select(ColumnCopy.For)];
        if (Columns.FirstOrDefault(column => RunColumns.Any(run => run.Name == column.Name)) is { } clash)
        {
            throw new NotSupportedException($"The {reportType} rows have a column '{clash.Name}', which the table keeps for the run; update HeloData.Reports.PostgreSql.");
        }
    }

    public ReportType ReportType { get; }

    /// <summary>The table's name, without its schema.</summary>
    public string Name { get; }

    public IReadOnlyList<ColumnCopy> Columns { get; }

    /// <summary>Every column of the table, the run's first, as (name, type).</summary>
    public IEnumerable<(string Name, string SqlType)> AllColumns => RunColumns.Concat(Columns.Select(column => (column.Name, column.SqlType)));

    /// <summary>The index the sink's delete of a report's window uses.</summary>
    public string IndexName => Name + "_report_window";

    /// <summary>Copies the run's rows into the table, streamed from its content.</summary>
    /// <returns>How many rows, and the artifact's columns (as its first row has them) the row type does not know, which were not loaded.</returns>
    /// <exception cref="PostgreSqlLoadException">A value cannot be stored exactly.</exception>
    /// <exception cref="ReportRowFormatException">A row cannot be read.</exception>
    public abstract Task<Copied> CopyAsync(NpgsqlConnection connection, string schema, CollectedRun run, CancellationToken cancellationToken);

    /// <summary>The run's window; a collected run always has both ends (its record does).</summary>
    public static (DateOnly From, DateOnly To) WindowOf(CollectedRun run) =>
        run.Window is { From: { } from, To: { } to } ? (from, to) : throw new ArgumentException($"Run {run.RunId} has no window.", nameof(run));

    /// <summary>What a copy did.</summary>
    /// <param name="Rows">The rows copied.</param>
    /// <param name="NotLoaded">The artifact's columns the row type does not know.</param>
    public sealed record Copied(long Rows, IReadOnlyList<string> NotLoaded);

    /// <summary>The table's name for SQL, in a schema.</summary>
    public string QuotedIn(string schema) => $"{SinkSql.Quote(schema)}.{SinkSql.Quote(Name)}";

    /// <summary>The <c>COPY</c> statement of the table, its columns in the order rows are written.</summary>
    protected string CopySql(string schema) =>
        $"COPY {QuotedIn(schema)} ({string.Join(", ", AllColumns.Select(column => SinkSql.Quote(column.Name)))}) FROM STDIN (FORMAT BINARY)";
}

/// <summary>The table of the report type whose rows are <typeparamref name="TRow"/>.</summary>
internal sealed class SinkTable<TRow>(ReportType reportType) : SinkTable(reportType, ReportRows.ColumnsOf<TRow>())
    where TRow : ReportRow
{
    public override async Task<Copied> CopyAsync(NpgsqlConnection connection, string schema, CollectedRun run, CancellationToken cancellationToken)
    {
        // Disposed without CompleteAsync (a row failed), the importer cancels the COPY and nothing of it stays.
        var importer = await connection.BeginBinaryImportAsync(CopySql(schema), cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            long rows = 0;
            IReadOnlyList<string> notLoaded = [];
            var (from, to) = WindowOf(run);
            await foreach (var row in run.ReadRowsAsync<TRow>(cancellationToken).ConfigureAwait(false))
            {
                if (rows == 0 && row.AdditionalColumns.Count > 0)
                {
                    notLoaded = [.. row.AdditionalColumns.Keys];
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(run.ReportId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(run.RunId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(from, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(to, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.RowNumber, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                foreach (var column in Columns)
                {
                    try
                    {
                        await column.WriteAsync(importer, row, cancellationToken).ConfigureAwait(false);
                    }
                    catch (CellRefusedException refused)
                    {
                        throw new PostgreSqlLoadException(
                            $"Run {run.RunId} was not loaded into {schema}.{Name}: row {row.RowNumber}, column '{column.Name}': {refused.Message}. Nothing of the run was written.",
                            run.RunId,
                            $"{schema}.{Name}",
                            column.Name,
                            row.RowNumber,
                            refused);
                    }
                }

                rows++;
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return new Copied(rows, notLoaded);
        }
    }
}
