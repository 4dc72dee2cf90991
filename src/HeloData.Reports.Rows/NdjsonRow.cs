using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HeloData.Reports.Rows;

/// <summary>
/// Reads one NDJSON line into a row with <see cref="Utf8JsonReader"/>: keys matched to columns by
/// their UTF-8 bytes (the key at the same position as on the previous line is tried first, so the
/// usual file costs one comparison per key), numbers read as numbers, strings parsed from a stack
/// buffer, and no string made for a documented non-text column. <c>null</c> is no value. A key never
/// seen before widens the read's columns from that row on.
/// </summary>
internal sealed class NdjsonRow
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly CellWriter _cells = new();
    private RowShape _shape;
    private byte[][] _names = [];
    private long[] _seenIn = [];
    private bool _fitChecked;

    public NdjsonRow(RowKind kind) => _shape = RowShape.Create(kind, []);

    /// <summary>Binds the next buffered line; <see langword="false"/> when no complete line is buffered. <paramref name="row"/> is <see langword="null"/> for a blank line.</summary>
    public bool TryBindNext(LineReader lines, long number, out ReportRow? row)
    {
        if (!lines.TryReadLine(out var line))
        {
            row = null;
            return false;
        }

        row = line.Trim(" \t"u8).IsEmpty ? null : Bind(line, number);
        return true;
    }

    private ReportRow Bind(ReadOnlySpan<byte> line, long number)
    {
        var reader = new Utf8JsonReader(line, Options);
        ReportRow row;
        var file = -1;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ReportRowFormatException(
                    $"Row {number} is not a JSON object: {ValueText.Quote(Text(line))}. NDJSON has one object per line.", number, value: Text(line));
            }

            row = _shape.Kind.Create(_shape, number);
            var position = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                file = -1; // until the key is read: a key that is not valid UTF-8 names no column
                file = Match(ref reader, position++);
                if (_seenIn[file] == number)
                {
                    throw new ReportRowFormatException(
                        $"Row {number} gives the key '{ValueText.Escape(_shape.Columns[file])}' twice.", number, _shape.Columns[file], Text(line));
                }

                _seenIn[file] = number;
                reader.Read();
                SetValue(row, file, ref reader, line);
            }

            if (reader.Read())
            {
                throw new ReportRowFormatException($"Row {number} holds more than one JSON value: {ValueText.Quote(Text(line))}.", number, value: Text(line));
            }
        }
        catch (JsonException exception)
        {
            throw new ReportRowFormatException(
                $"Row {number} is not valid JSON ({ValueText.Escape(exception.Message)}): {ValueText.Quote(Text(line))}.", number, value: Text(line), innerException: exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or DecoderFallbackException)
        {
            // Utf8JsonReader checks a string's UTF-8 and escapes only when it is read (GetString,
            // CopyString), and throws InvalidOperationException, the type a missing value throws.
            var column = file >= 0 ? _shape.Columns[file] : null;
            var where = column is null ? $"Row {number}, a key" : $"Row {number}, column '{ValueText.Escape(column)}'";
            throw new ReportRowFormatException(
                $"{where}: a string that is not valid UTF-8 or holds a lone surrogate escape (\\ud800), so it is no text: {ValueText.Quote(Text(line))}.",
                number,
                column,
                Text(line),
                exception);
        }

        if (!ReferenceEquals(row.Shape, _shape))
        {
            // A key first seen on this row: the row gets the wider shape (earlier rows keep theirs).
            row.Shape = _shape;
            if (_shape.ExtraNames.Length > 0)
            {
                var extra = row.Extra;
                Array.Resize(ref extra, _shape.ExtraNames.Length);
                row.Extra = extra;
            }
        }

        if (!_fitChecked)
        {
            _fitChecked = true;
            _shape.EnsureFits();
        }

        return row;
    }

    private int Match(ref Utf8JsonReader reader, int position)
    {
        if (position < _names.Length && reader.ValueTextEquals(_names[position]))
        {
            return position;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i]))
            {
                return i;
            }
        }

        var name = reader.GetString()!;
        _shape = _shape.With(name);
        _names = [.. _names, Encoding.UTF8.GetBytes(name)];
        _seenIn = [.. _seenIn, 0];
        return _names.Length - 1;
    }

    private void SetValue(ReportRow row, int file, ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        var known = _shape.KnownOf[file];
        if (known < 0)
        {
            var slot = _shape.ExtraOf[file];
            if (row.Extra is null || slot >= row.Extra.Length)
            {
                var extra = row.Extra;
                Array.Resize(ref extra, _shape.ExtraNames.Length);
                row.Extra = extra;
            }

            row.Extra![slot] = ExtraText(ref reader, line);
            return;
        }

        var column = _shape.Kind.Columns[known];
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when column.Kind == CellKind.Int64:
                row.SetInt64(known, reader.TryGetInt64(out var int64) ? int64 : throw Unparsable(row, column, reader.ValueSpan));
                row.Present |= 1UL << known;
                break;
            case JsonTokenType.Number when column.Kind == CellKind.Int32:
                row.SetInt32(known, reader.TryGetInt32(out var int32) ? int32 : throw Unparsable(row, column, reader.ValueSpan));
                row.Present |= 1UL << known;
                break;
            case JsonTokenType.Number when column.Kind == CellKind.Decimal:
                row.SetDecimal(known, reader.TryGetDecimal(out var number) && CellParser.IsExact(reader.ValueSpan, number) ? number : throw Unparsable(row, column, reader.ValueSpan));
                row.Present |= 1UL << known;
                break;
            case JsonTokenType.Number when column.Kind is CellKind.Text or CellKind.Product:
            case JsonTokenType.True or JsonTokenType.False when column.Kind is CellKind.Text or CellKind.Product:
                WriteText(row, known, reader.ValueSpan);
                break;
            case JsonTokenType.String:
                WriteString(row, known, ref reader);
                break;
            default:
                throw Unparsable(row, column, ExtraText(ref reader, line));
        }
    }

    // A JSON string's text, unescaped into a stack buffer (a pooled one when long), then parsed as its column's kind.
    private void WriteString(ReportRow row, int known, ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        Span<char> chars = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(chars);
            _cells.Write(row, known, chars[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // A bare JSON number or literal, ASCII by definition, for a text column.
    private void WriteText(ReportRow row, int known, ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[256] : new char[utf8.Length];
        var written = Encoding.UTF8.GetChars(utf8, chars);
        _cells.Write(row, known, chars[..written]);
    }

    /// <summary>An unknown column's value as text: a string unescaped, anything else as its JSON.</summary>
    private static string ExtraText(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                // An unknown column's object or array is kept as its JSON text: invalid UTF-8 in it is an error, not U+FFFD.
                return RowReading.StrictUtf8.GetString(line[start..(int)reader.BytesConsumed]);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static ReportRowFormatException Unparsable(ReportRow row, KnownColumn column, ReadOnlySpan<byte> json) =>
        Unparsable(row, column, Encoding.UTF8.GetString(json));

    private static ReportRowFormatException Unparsable(ReportRow row, KnownColumn column, string value) =>
        ReportRowFormatException.Unparsable(row.RowNumber, column.Name, value, CellWriter.Expected(column.Kind));

    private static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line);
}
