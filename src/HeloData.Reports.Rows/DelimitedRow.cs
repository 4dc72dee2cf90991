using nietras.SeparatedValues;

namespace HeloData.Reports.Rows;

/// <summary>Turns Sep's current row into a <see cref="ReportRow"/>: checks its field count, unquotes csv fields, parses typed columns.</summary>
internal sealed class DelimitedRow
{
    private readonly RowShape _shape;
    private readonly bool _csv;
    private readonly CellWriter _cells = new();
    private readonly bool[] _textColumn;
    private readonly bool[] _quoteChecked;
    private char[] _unquoted = new char[256];

    /// <summary>Takes the column names from Sep's current row, the header.</summary>
    public DelimitedRow(RowKind kind, SepReader.Row header, bool csv)
    {
        _csv = csv;
        if (csv)
        {
            RefuseStrayQuotes(header, 0, []);
        }

        var names = new string[header.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            var name = header[i].Span;
            names[i] = csv && !name.IsEmpty && name[0] == '"' ? Unquote(name, 0, name.ToString()).ToString() : name.ToString();
        }

        _shape = RowShape.Create(kind, names);
        _shape.EnsureFits();
        _textColumn = [.. _shape.KnownOf.Select(known => known >= 0 && kind.Columns[known].Kind == CellKind.Text)];

        // Sep takes any quote as the start of a quoted stretch, up to the next quote: a stray one inside
        // an unquoted value (su"1) runs on over separators and line breaks, merging what follows into
        // this field. In a column kept as text the field is checked for a quote; in a number, date or
        // timestamp column a quote never parses, so the row is refused anyway. Checking cells rather
        // than the whole row keeps the cost to the short text cells.
        _quoteChecked = [.. _shape.KnownOf.Select(known => csv && (known < 0 || kind.Columns[known].Kind is CellKind.Text or CellKind.Product or CellKind.ProductList))];
    }

    /// <summary>The row, or <see langword="null"/> for an empty line, which is skipped.</summary>
    public ReportRow? Bind(SepReader reader, long number)
    {
        var source = reader.Current;
        var count = _shape.KnownOf.Length;

        // An empty line is no row, also in a file of one column, where it has the header's field count.
        if (source.ColCount == 1 && source.Span.IsEmpty)
        {
            return null;
        }

        if (source.ColCount != count)
        {
            if (_csv)
            {
                RefuseStrayQuotes(source, number, _shape.Columns);
            }

            throw new ReportRowFormatException(
                $"Row {number} has {source.ColCount} fields where the header has {count}: a stray separator, a value that needed quoting, or a file cut short.",
                number,
                value: source.Span.ToString());
        }

        var row = _shape.Kind.Create(_shape, number);
        for (var i = 0; i < count; i++)
        {
            var cell = source[i];
            var span = cell.Span;
            var quoted = _csv && !span.IsEmpty && span[0] == '"';
            if (quoted)
            {
                span = Unquote(span, number, _shape.Columns[i]);
            }
            else if (_quoteChecked[i] && span.Contains('"'))
            {
                RefuseStrayQuotes(source, number, _shape.Columns);
            }

            var known = _shape.KnownOf[i];
            if (known < 0)
            {
                row.Extra![_shape.ExtraOf[i]] = quoted ? _cells.Strings.Get(span) : cell.ToString();
            }
            else if (_textColumn[i] && !quoted)
            {
                // Sep's string pool: a repeated id costs no new string.
                row.SetText(known, cell.ToString());
                row.Present |= 1UL << known;
            }
            else
            {
                _cells.Write(row, known, span);
            }
        }

        return row;
    }

    /// <summary>
    /// RFC 4180: "If fields are not enclosed with double quotes, then double quotes may not appear
    /// inside the fields." Such a quote is refused, not kept: Sep has read on from it as from an
    /// opening quote, so the field may hold the separators and lines after it. Also called before a
    /// field-count error, whose likeliest cause it then names.
    /// </summary>
    private static void RefuseStrayQuotes(SepReader.Row source, long number, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < source.ColCount; i++)
        {
            var field = source[i].Span;
            var quote = field.IndexOf('"');
            if (quote > 0)
            {
                var column = i < columns.Count ? columns[i] : null;
                var where = number == 0 ? $"The header's column {i + 1}" : column is null ? $"Row {number}, field {i + 1}" : $"Row {number}, column '{ValueText.Escape(column)}'";
                var excerpt = field[..Math.Min(field.Length, quote + 40)].ToString();
                throw new ReportRowFormatException(
                    $"{where}: a quote inside a value that does not start with one ({ValueText.Quote(excerpt)}); csv quotes such a value whole and doubles its quotes (\"su\"\"1\").",
                    number,
                    number == 0 ? null : column,
                    field.ToString());
            }
        }
    }

    // RFC 4180: "a ""quoted"" value" → a "quoted" value. A field that opens a quote must close it last.
    private ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field, long number, string column)
    {
        if (_unquoted.Length < field.Length)
        {
            _unquoted = new char[Math.Max(field.Length, _unquoted.Length * 2)];
        }

        var length = 0;
        var i = 1;
        while (true)
        {
            if (i >= field.Length)
            {
                throw new ReportRowFormatException(
                    number == 0
                        ? $"The header's column {ValueText.Quote(field.ToString())} opens a quote it never closes."
                        : $"Row {number}, column '{ValueText.Escape(column)}': the quoted value {ValueText.Quote(field.ToString())} is never closed (the file may be cut short).",
                    number,
                    number == 0 ? null : column,
                    field.ToString());
            }

            var c = field[i++];
            if (c != '"')
            {
                _unquoted[length++] = c;
            }
            else if (i < field.Length && field[i] == '"')
            {
                _unquoted[length++] = '"';
                i++;
            }
            else if (i == field.Length)
            {
                return _unquoted.AsSpan(0, length);
            }
            else
            {
                throw new ReportRowFormatException(
                    $"Row {number}, column '{ValueText.Escape(column)}': {ValueText.Quote(field.ToString())} has text after its closing quote; a quote inside a quoted value is written twice.",
                    number,
                    number == 0 ? null : column,
                    field.ToString());
            }
        }
    }
}
