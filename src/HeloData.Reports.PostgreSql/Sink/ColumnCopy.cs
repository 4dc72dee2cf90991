using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using NpgsqlTypes;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>
/// One documented column of a row type in its table: the PostgreSQL type that holds its values exactly, and how a
/// row's value goes into a binary <c>COPY</c> (a value the row lacks is <c>NULL</c>).
/// </summary>
internal abstract class ColumnCopy
{
    /// <summary>The column's name, in the artifact and in the table.</summary>
    public abstract string Name { get; }

    /// <summary>The column's PostgreSQL type.</summary>
    public abstract string SqlType { get; }

    /// <summary>Writes the row's value of this column to the <c>COPY</c> under way.</summary>
    /// <exception cref="CellRefusedException">The value cannot be stored exactly.</exception>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, ReportRow row, CancellationToken cancellationToken);

    /// <summary>The copy of a row type's column, by the .NET type of its values.</summary>
    /// <exception cref="NotSupportedException">A value type this package has no PostgreSQL type for (a newer HeloData.Reports.Rows).</exception>
    public static ColumnCopy For(ReportRowColumn column) => column switch
    {
        ReportRowColumn<string> text => new ColumnCopy<string, string>(text, "text", NpgsqlDbType.Text, static value => value),
        ReportRowColumn<ReportProduct> product => new ColumnCopy<ReportProduct, string>(product, "text", NpgsqlDbType.Text, static value => value.ToString()),
        ReportRowColumn<IReadOnlyList<ReportProduct>> products => new ColumnCopy<IReadOnlyList<ReportProduct>, string[]>(
            products, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, static value => [.. value.Select(product => product.ToString())]),
        ReportRowColumn<int> int32 => new ColumnCopy<int, int>(int32, "integer", NpgsqlDbType.Integer, static value => value),
        ReportRowColumn<long> int64 => new ColumnCopy<long, long>(int64, "bigint", NpgsqlDbType.Bigint, static value => value),
        ReportRowColumn<decimal> number => new ColumnCopy<decimal, decimal>(number, "numeric", NpgsqlDbType.Numeric, static value => value),
        ReportRowColumn<DateOnly> date => new ColumnCopy<DateOnly, DateOnly>(date, "date", NpgsqlDbType.Date, static value => value),
        ReportRowColumn<DateTimeOffset> instant => new ColumnCopy<DateTimeOffset, DateTimeOffset>(instant, "timestamptz", NpgsqlDbType.TimestampTz, Microseconds),
        _ => throw new NotSupportedException($"{column} has values of a type the PostgreSQL sink has no column type for; update HeloData.Reports.PostgreSql."),
    };

    // timestamptz keeps microseconds; a finer fraction (a tick of 100 ns) would be rounded away, so it is refused.
    private static DateTimeOffset Microseconds(DateTimeOffset value) =>
        value.Ticks % 10 == 0 ? value : throw new CellRefusedException($"{value:O} has a fraction finer than a microsecond, which timestamptz cannot keep");
}

/// <summary>A column whose <typeparamref name="TValue"/> values are written as <typeparamref name="TWire"/>.</summary>
internal sealed class ColumnCopy<TValue, TWire>(ReportRowColumn<TValue> column, string sqlType, NpgsqlDbType wireType, Func<TValue, TWire> toWire) : ColumnCopy
{
    public override string Name => column.Name;

    public override string SqlType => sqlType;

    public override Task WriteAsync(NpgsqlBinaryImporter importer, ReportRow row, CancellationToken cancellationToken) =>
        column.TryGetValue(row, out var value)
            ? importer.WriteAsync(toWire(value), wireType, cancellationToken)
            : importer.WriteNullAsync(cancellationToken);
}

/// <summary>A value the table cannot hold exactly; the sink names the run, the row and the column.</summary>
internal sealed class CellRefusedException(string message) : Exception(message);
