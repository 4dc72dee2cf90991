namespace HeloData.Reports.Rows;

/// <summary>
/// What one row type reads: its documented columns, in the order docs/artifacts.md lists them, and how
/// to make an empty row. One instance per row type, built once.
/// </summary>
internal sealed class RowKind
{
    private readonly Dictionary<string, int> _byName;
    private IReadOnlyList<ReportRowColumn>? _rowColumns;

    public RowKind(string rowType, KnownColumn[] columns, Func<RowShape, long, ReportRow> create)
    {
        // A row keeps which columns it has in a 64-bit mask.
        if (columns.Length > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), "A row type reads at most 64 known columns.");
        }

        RowType = rowType;
        Columns = columns;
        Create = create;
        _byName = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            _byName.Add(columns[i].Name, i);
        }
    }

    /// <summary>The row type's name, for messages (<c>TrafficRow</c>).</summary>
    public string RowType { get; }

    public KnownColumn[] Columns { get; }

    public Func<RowShape, long, ReportRow> Create { get; }

    /// <summary>The columns as <see cref="ReportRows.ColumnsOf{TRow}"/> gives them, made once (a race makes equal lists).</summary>
    public IReadOnlyList<ReportRowColumn> RowColumns =>
        _rowColumns ??= Array.AsReadOnly(Enumerable.Range(0, Columns.Length).Select(i => ReportRowColumn.Create(this, i)).ToArray());

    /// <summary>Whether this kind is the plain <see cref="ReportRow"/>, which knows no column and keeps every value as text.</summary>
    public bool IsPlain => Columns.Length == 0;

    /// <summary>The index of a documented column; -1 when the row type does not know it.</summary>
    public int IndexOf(string column) => _byName.TryGetValue(column, out var index) ? index : -1;
}
