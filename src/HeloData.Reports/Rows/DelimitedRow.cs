using nietras.SeparatedValues;

namespace HeloData.Reports.Models;

/// <summary>Turns Sep's current row into a <see cref="ReportRow"/>: checks its field count, unquotes csv fields, parses typed columns.</summary>
internal sealed class DelimitedRow
{
    private readonly RowShape _shape;
    private readonly bool _csv;
    private readonly CellWriter _cells = new();
    private readonly bool[] _textColumn;
    private char[] _unquoted = new char[256];

    public DelimitedRow(RowKind kind, IReadOnlyList<string> header, bool csv)
    {
        _csv = csv;
        var names = new string[header.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = csv && header[i].StartsWith('"') ? Unquote(header[i], 0, header[i]).ToString() : header[i];
        }

        _shape = RowShape.Create(kind, names);
        _shape.EnsureFits();
        _textColumn = [.. _shape.KnownOf.Select(known => known >= 0 && kind.Columns[known].Kind == CellKind.Text)];
    }

    /// <summary>The row, or <see langword="null"/> for an empty line, which is skipped.</summary>
    public ReportRow? Bind(SepReader reader, long number)
    {
        var source = reader.Current;
        var count = _shape.KnownOf.Length;
        if (source.ColCount != count)
        {
            if (source.ColCount == 1 && source.Span.IsEmpty)
            {
                return null;
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

            var known = _shape.KnownOf[i];
            if (known < 0)
            {
                row.Extra![_shape.ExtraOf[i]] = quoted ? _cells.Strings.Get(span) : cell.ToString();
            }
            else if (_textColumn[i] && !quoted)
            {
                // Sep's per-column pool: a repeated id costs no new string.
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
