using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HeloData.Reports.Rows;

/// <summary>
/// One data row of a run's artifact, read by <see cref="ReportRows.ReadAsync{TRow}(Stream, ReportFormat, CancellationToken)"/>
/// or <see cref="ReportsClientRowsExtensions.ReadRowsAsync(IReportsClient, ReportRun, CancellationToken)"/>: each value by column
/// name, as text spelled as in the csv (docs/artifacts.md). Read as <see cref="ReportRow"/>, any report
/// type works, including one this SDK version does not know; the typed subclasses
/// (<see cref="TrafficRow"/>, <see cref="RequestRow"/>, <see cref="InvoiceRow"/>, <see cref="SubuserRow"/>,
/// <see cref="IspBatchRow"/>) add one typed property per documented column.
/// </summary>
/// <remarks>
/// Rows come from the SDK's readers. In an application test, a mocked
/// <see cref="IReportsClient.OpenReadAsync"/> returning a stream of an artifact is read as the download
/// is; rows without a file are built with <see cref="ReportRowsModelFactory"/>
/// (<see cref="ReportRowsModelFactory.TrafficRow"/> and the others), whose rows read back exactly as read
/// ones do.
/// </remarks>
public class ReportRow
{
    internal static readonly RowKind PlainKind = new(nameof(ReportRow), [], static (shape, number) => new ReportRow(shape, number));

    private IReadOnlyDictionary<string, string>? _additional;

    internal ReportRow(RowShape shape, long rowNumber)
    {
        Shape = shape;
        RowNumber = rowNumber;
        Extra = shape.ExtraNames.Length == 0 ? null : new string?[shape.ExtraNames.Length];
    }

    /// <summary>The 1-based number of this data row in the artifact, the header not counted.</summary>
    public long RowNumber { get; }

    /// <summary>The artifact's column names in file order (for NDJSON, the keys in the order first seen). Every row of a read shares one instance.</summary>
    public IReadOnlyList<string> Columns => Shape.Columns;

    /// <summary>
    /// The values of the columns this row's type does not know, by column name, as text. Empty (a shared
    /// instance) when there are none. For a plain <see cref="ReportRow"/>, every column.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalColumns =>
        _additional ??= Extra is null ? ReadOnlyDictionary<string, string>.Empty : new ColumnBag(Shape.ExtraNames, Extra);

    /// <summary>A value as text, spelled as in the csv: <c>2026-05-01</c>, <c>2026-05-01T03:05:46Z</c>, <c>1989.57</c>.</summary>
    /// <param name="column">The column's name, exactly as in the artifact (<c>bandwidth_bytes</c>).</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The row has no value for <paramref name="column"/>; the message lists the columns it has.</exception>
    public string this[string column]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(column);
            return TryGetValue(column, out var value) ? value : throw NotFound(column);
        }
    }

    /// <summary>Gets a value as text, spelled as in the csv.</summary>
    /// <param name="column">The column's name, exactly as in the artifact.</param>
    /// <param name="value">The value; <see langword="null"/> when the row has none.</param>
    /// <returns><see langword="true"/> when the row has a value for <paramref name="column"/>.</returns>
    public bool TryGetValue(string column, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        var file = Shape.IndexOf(column);
        if (file < 0)
        {
            value = null;
            return false;
        }

        var known = Shape.KnownOf[file];
        if (known >= 0)
        {
            value = Has(known) ? FormatKnown(known) : null;
        }
        else
        {
            var slot = Shape.ExtraOf[file];
            value = Extra is { } extra && slot < extra.Length ? extra[slot] : null;
        }

        return value is not null;
    }

    /// <summary>The row type, the row number and every value, for logs and the debugger.</summary>
    /// <returns>Such as <c>TrafficRow 12: date=2026-05-01, subuser_id=su_27c4, …</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Shape.Kind.RowType).Append(' ').Append(RowNumber).Append(':');
        var first = true;
        foreach (var column in Shape.Columns)
        {
            if (TryGetValue(column, out var value))
            {
                text.Append(first ? " " : ", ").Append(ValueText.Escape(column)).Append('=').Append(ValueText.Escape(value));
                first = false;
            }
        }

        return text.ToString();
    }

    // ---- What the readers and the typed subclasses share; none of it is public. ----

    /// <summary>The columns of the artifact; NDJSON swaps in a wider shape when a line brings a new key.</summary>
    internal RowShape Shape { get; set; }

    /// <summary>The values of unknown columns by bag slot (all columns, for a plain row); <see langword="null"/> when there are none.</summary>
    internal string?[]? Extra { get; set; }

    /// <summary>Which documented columns this row has a value for, one bit each.</summary>
    internal ulong Present { get; set; }

    internal bool Has(int column) => (Present & (1UL << column)) != 0;

    /// <summary>What a typed property throws when its column has no value in this row.</summary>
    internal InvalidOperationException Missing(int column)
    {
        var known = Shape.Kind.Columns[column];
        var why = Shape.FileOfKnown[column] < 0
            ? $"the artifact has no column '{known.Name}' (its columns: {Shape.Describe()})"
            : $"this row gives the column '{known.Name}' no value (null, or left out)";
        return new InvalidOperationException($"{Shape.Kind.RowType}.{known.Property} of row {RowNumber} cannot be read: {why}.");
    }

    // The typed setters: a reader calls the one of the column's kind, so reaching a default is a bug.
    internal virtual void SetText(int column, string value) => throw Unexpected(column);

    internal virtual void SetProduct(int column, ReportProduct value) => throw Unexpected(column);

    internal virtual void SetProducts(int column, IReadOnlyList<ReportProduct> value) => throw Unexpected(column);

    internal virtual void SetInt32(int column, int value) => throw Unexpected(column);

    internal virtual void SetInt64(int column, long value) => throw Unexpected(column);

    internal virtual void SetDecimal(int column, decimal value) => throw Unexpected(column);

    internal virtual void SetDate(int column, DateOnly value) => throw Unexpected(column);

    internal virtual void SetTimestamp(int column, DateTimeOffset value) => throw Unexpected(column);

    // The typed getters ReportRowColumn reads through; only asked for columns the row has (Has checked).
    internal virtual string GetText(int column) => throw Unexpected(column);

    internal virtual ReportProduct GetProduct(int column) => throw Unexpected(column);

    internal virtual IReadOnlyList<ReportProduct> GetProducts(int column) => throw Unexpected(column);

    internal virtual int GetInt32(int column) => throw Unexpected(column);

    internal virtual long GetInt64(int column) => throw Unexpected(column);

    internal virtual decimal GetDecimal(int column) => throw Unexpected(column);

    internal virtual DateOnly GetDate(int column) => throw Unexpected(column);

    internal virtual DateTimeOffset GetTimestamp(int column) => throw Unexpected(column);

    /// <summary>A documented column's typed value as csv text; only asked for columns the row has.</summary>
    internal virtual string FormatKnown(int column) => throw Unexpected(column);

    private InvalidOperationException Unexpected(int column) =>
        new($"{Shape.Kind.RowType} has no documented column {column} of that kind (an SDK bug).");

    private KeyNotFoundException NotFound(string column) =>
        Shape.IndexOf(column) < 0
            ? new KeyNotFoundException($"Row {RowNumber} has no column '{ValueText.Escape(column)}'; the artifact's columns are {Shape.Describe()}.")
            : new KeyNotFoundException($"Row {RowNumber} gives the column '{ValueText.Escape(column)}' no value (null, or left out).");
}
