using System.Collections.ObjectModel;

namespace HeloData.Reports.Rows;

/// <summary>
/// The columns of one artifact as a row type sees them, built once per read (from the csv header, the
/// parquet schema, or the keys NDJSON lines bring) and shared by every row: which file column feeds
/// which documented column, and which are kept as text in the row's unknown-column bag.
/// </summary>
internal sealed class RowShape
{
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _fileIndex;

    private RowShape(RowKind kind, string[] columns)
    {
        Kind = kind;
        _columns = columns;
        Columns = Array.AsReadOnly(columns);
        KnownOf = new int[columns.Length];
        ExtraOf = new int[columns.Length];
        FileOfKnown = new int[kind.Columns.Length];
        Array.Fill(FileOfKnown, -1);
        _fileIndex = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        var extras = new List<string>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (!_fileIndex.TryAdd(columns[i], i))
            {
                throw new ReportRowFormatException(
                    $"The artifact names the column '{ValueText.Escape(columns[i])}' twice, so its values cannot be told apart.", 0, columns[i]);
            }

            var known = kind.IndexOf(columns[i]);
            KnownOf[i] = known;
            ExtraOf[i] = known < 0 ? extras.Count : -1;
            if (known < 0)
            {
                extras.Add(columns[i]);
            }
            else
            {
                FileOfKnown[known] = i;
            }
        }

        ExtraNames = [.. extras];
    }

    public RowKind Kind { get; }

    /// <summary>The artifact's column names in file order; the one instance every row of the read shares.</summary>
    public ReadOnlyCollection<string> Columns { get; }

    /// <summary>Per file column, the documented column it feeds, or -1.</summary>
    public int[] KnownOf { get; }

    /// <summary>Per file column, its slot in the unknown-column bag, or -1 for a documented column.</summary>
    public int[] ExtraOf { get; }

    /// <summary>Per documented column, the file column that feeds it, or -1 when the artifact lacks it.</summary>
    public int[] FileOfKnown { get; }

    /// <summary>The names of the columns the row type does not know, by bag slot.</summary>
    public string[] ExtraNames { get; }

    /// <summary>Builds the shape of a header; a name given twice is a <see cref="ReportRowFormatException"/>.</summary>
    public static RowShape Create(RowKind kind, string[] columns) => new(kind, columns);

    /// <summary>The same shape with one more column at the end (an NDJSON line bringing a new key).</summary>
    public RowShape With(string column) => new(Kind, [.. _columns, column]);

    /// <summary>The file index of a column; -1 when the artifact has no such column.</summary>
    public int IndexOf(string column) => _fileIndex.TryGetValue(column, out var index) ? index : -1;

    /// <summary>
    /// A typed read of an artifact that has none of the row type's columns would yield rows whose
    /// every property throws: most likely the wrong row type for the report, so say so at once.
    /// </summary>
    public void EnsureFits()
    {
        if (Kind.IsPlain || _columns.Length == 0 || Array.Exists(FileOfKnown, file => file >= 0))
        {
            return;
        }

        throw new ReportRowFormatException(
            $"The artifact has none of the columns {Kind.RowType} reads ({string.Join(", ", Kind.Columns.Select(c => c.Name))}); " +
            $"its columns are {Describe()}. Is it another report type? Read it with the row type of its report, or as ReportRow.",
            0);
    }

    /// <summary>The column names for a message, escaped and bounded.</summary>
    public string Describe() =>
        _columns.Length == 0 ? "(none)" : ValueText.Escape(string.Join(", ", _columns.Take(40)) + (_columns.Length > 40 ? $", … ({_columns.Length} in all)" : string.Empty));
}
