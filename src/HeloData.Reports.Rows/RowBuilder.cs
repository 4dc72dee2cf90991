using System.Runtime.CompilerServices;

namespace HeloData.Reports.Rows;

/// <summary>
/// Makes a row from typed values for <see cref="ReportRowsModelFactory"/>, through the same shape, typed
/// setters and presence bits a reader fills, so the row's indexer, <see cref="ReportRow.Columns"/>,
/// <see cref="ReportRow.AdditionalColumns"/> and <see cref="ReportRow.ToString"/> come out as those of a
/// row read from a file. Values are given in the order the row type's <see cref="RowKind"/> lists its
/// columns; a value of the wrong kind or a column left out is an SDK bug, caught at once.
/// </summary>
internal sealed class RowBuilder<TRow>
    where TRow : ReportRow
{
    private readonly TRow _row;
    private readonly KnownColumn[] _columns;
    private int _next;

    public RowBuilder(long rowNumber, IReadOnlyDictionary<string, string>? additionalColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowNumber, 1);
        var kind = RowKinds.Of<TRow>();
        _columns = kind.Columns;

        // One pass over the caller's dictionary: its names and values must stay paired.
        var extras = additionalColumns?.ToArray() ?? [];
        var names = new string[_columns.Length + extras.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            names[i] = _columns[i].Name;
        }

        for (var i = 0; i < extras.Length; i++)
        {
            var (name, value) = extras[i];
            if (kind.IndexOf(name) is var known and >= 0)
            {
                throw new ArgumentException(
                    $"'{ValueText.Escape(name)}' is a documented column of {kind.RowType}: give its value as the {_columns[known].Property} argument, not as an additional column.",
                    nameof(additionalColumns));
            }

            if (value is null)
            {
                throw new ArgumentException($"The additional column '{ValueText.Escape(name)}' has a null value; a row holds text for each column it has.", nameof(additionalColumns));
            }

            names[_columns.Length + i] = name;
        }

        _row = (TRow)kind.Create(RowShape.Create(kind, names), rowNumber);
        for (var i = 0; i < extras.Length; i++)
        {
            _row.Extra![i] = extras[i].Value;
        }
    }

    public RowBuilder<TRow> Text(string value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        _row.SetText(Next(CellKind.Text), value);
        return this;
    }

    public RowBuilder<TRow> Product(ReportProduct value)
    {
        _row.SetProduct(Next(CellKind.Product), value);
        return this;
    }

    /// <summary>A copy the caller cannot change afterwards, read-only as a read row's list is.</summary>
    public RowBuilder<TRow> Products(IEnumerable<ReportProduct> value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        _row.SetProducts(Next(CellKind.ProductList), Array.AsReadOnly(value.ToArray()));
        return this;
    }

    public RowBuilder<TRow> Int32(int value)
    {
        _row.SetInt32(Next(CellKind.Int32), value);
        return this;
    }

    public RowBuilder<TRow> Int64(long value)
    {
        _row.SetInt64(Next(CellKind.Int64), value);
        return this;
    }

    public RowBuilder<TRow> Decimal(decimal value)
    {
        _row.SetDecimal(Next(CellKind.Decimal), value);
        return this;
    }

    public RowBuilder<TRow> Date(DateOnly value)
    {
        _row.SetDate(Next(CellKind.Date), value);
        return this;
    }

    /// <summary>Kept in UTC, as every reader keeps a timestamp, so a mocked row equals a read one in offset too.</summary>
    public RowBuilder<TRow> Timestamp(DateTimeOffset value)
    {
        _row.SetTimestamp(Next(CellKind.Timestamp), value.ToUniversalTime());
        return this;
    }

    public TRow Build() =>
        _next == _columns.Length
            ? _row
            : throw new InvalidOperationException($"{_row.Shape.Kind.RowType} was built with {_next} of its {_columns.Length} columns (an SDK bug).");

    private int Next(CellKind kind)
    {
        var column = _next++;
        if (column >= _columns.Length || _columns[column].Kind != kind)
        {
            throw new InvalidOperationException($"{_row.Shape.Kind.RowType}'s column {column} is not of kind {kind} (an SDK bug).");
        }

        _row.Present |= 1UL << column;
        return column;
    }
}
