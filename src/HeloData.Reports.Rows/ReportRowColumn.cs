using System.Diagnostics.CodeAnalysis;

namespace HeloData.Reports.Rows;

/// <summary>
/// One documented column of a row type (docs/artifacts.md): its name in the artifact and the .NET type of its
/// property, in the order the row type lists them. Given by <see cref="ReportRows.ColumnsOf{TRow}"/>, for code that
/// moves rows somewhere by column (a database table, another file format) without naming each property.
/// </summary>
/// <remarks>Each column is a <see cref="ReportRowColumn{TValue}"/> of its <see cref="ValueType"/>, which reads the typed value from a row.</remarks>
public abstract class ReportRowColumn
{
    private protected ReportRowColumn(RowKind kind, int index, Type valueType)
    {
        Kind = kind;
        Index = index;
        ValueType = valueType;
    }

    /// <summary>The column's name in the artifact (<c>bandwidth_bytes</c>).</summary>
    public string Name => Kind.Columns[Index].Name;

    /// <summary>The name of the row type's property that exposes it (<c>BandwidthBytes</c>).</summary>
    public string PropertyName => Kind.Columns[Index].Property;

    /// <summary>
    /// The type of its value: <see cref="string"/>, <see cref="ReportProduct"/>,
    /// <see cref="IReadOnlyList{T}"/> of <see cref="ReportProduct"/>, <see cref="int"/>, <see cref="long"/>,
    /// <see cref="decimal"/>, <see cref="DateOnly"/> or <see cref="DateTimeOffset"/> (always UTC).
    /// </summary>
    public Type ValueType { get; }

    private protected RowKind Kind { get; }

    private protected int Index { get; }

    /// <summary>The row type, the column and its type, for logs.</summary>
    /// <returns>Such as <c>TrafficRow.bandwidth_bytes (Int64)</c>.</returns>
    public override string ToString() => $"{Kind.RowType}.{Name} ({ValueType.Name})";

    internal static ReportRowColumn Create(RowKind kind, int index) => kind.Columns[index].Kind switch
    {
        CellKind.Text => new ReportRowColumn<string>(kind, index, static (row, i) => row.GetText(i)),
        CellKind.Product => new ReportRowColumn<ReportProduct>(kind, index, static (row, i) => row.GetProduct(i)),
        CellKind.ProductList => new ReportRowColumn<IReadOnlyList<ReportProduct>>(kind, index, static (row, i) => row.GetProducts(i)),
        CellKind.Int32 => new ReportRowColumn<int>(kind, index, static (row, i) => row.GetInt32(i)),
        CellKind.Int64 => new ReportRowColumn<long>(kind, index, static (row, i) => row.GetInt64(i)),
        CellKind.Decimal => new ReportRowColumn<decimal>(kind, index, static (row, i) => row.GetDecimal(i)),
        CellKind.Date => new ReportRowColumn<DateOnly>(kind, index, static (row, i) => row.GetDate(i)),
        CellKind.Timestamp => new ReportRowColumn<DateTimeOffset>(kind, index, static (row, i) => row.GetTimestamp(i)),
        _ => throw new InvalidOperationException($"{kind.RowType}.{kind.Columns[index].Name} has a kind no column type maps (an SDK bug)."),
    };
}

/// <summary>A documented column whose values are <typeparamref name="TValue"/>: reads them from rows without boxing.</summary>
/// <typeparam name="TValue">The type of the column's property.</typeparam>
public sealed class ReportRowColumn<TValue> : ReportRowColumn
{
    private readonly Func<ReportRow, int, TValue> _get;

    internal ReportRowColumn(RowKind kind, int index, Func<ReportRow, int, TValue> get)
        : base(kind, index, typeof(TValue)) => _get = get;

    /// <summary>Reads the column's value from a row, as its property does, without throwing when the row has none.</summary>
    /// <param name="row">A row of this column's row type.</param>
    /// <param name="value">The value; the type's default when the row has none.</param>
    /// <returns><see langword="false"/> when the row has no value for the column (the artifact lacks it, or NDJSON left it out or null).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="row"/> is of another row type.</exception>
    public bool TryGetValue(ReportRow row, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ReferenceEquals(row.Shape.Kind, Kind))
        {
            throw new ArgumentException($"The column '{Name}' is {Kind.RowType}'s; the row is a {row.Shape.Kind.RowType}.", nameof(row));
        }

        if (!row.Has(Index))
        {
            value = default;
            return false;
        }

        value = _get(row, Index);
        return true;
    }
}
