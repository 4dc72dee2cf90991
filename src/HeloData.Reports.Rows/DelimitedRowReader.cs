using System.Globalization;
using System.Runtime.CompilerServices;
using nietras.SeparatedValues;

namespace HeloData.Reports.Rows;

/// <summary>
/// csv (RFC 4180: comma, fields quoted with doubled quotes, CRLF or LF) and tsv (tab, no quoting, as
/// IANA's text/tab-separated-values) with Sep, row by row as the bytes arrive. A header row is
/// required; an artifact with no bytes at all has no rows.
/// </summary>
internal static class DelimitedRowReader
{
    public static async IAsyncEnumerable<ReportRow> ReadAsync(Stream content, bool csv, RowKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Sep unquotes in place only when asked; DelimitedRow does it itself, so a quote left open
        // (a file cut inside a quoted field) is an error rather than a value that runs to the end.
        // The header is read as a row of its own: Sep's header refuses a name given twice with an
        // ArgumentException, and RowShape says the same as a ReportRowFormatException.
        var options = Sep.New(csv ? ',' : '\t').Reader(o => o with
        {
            HasHeader = false,
            DisableQuotesParsing = !csv,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
            CreateToString = SepToString.OnePool(maximumStringLength: 64),
        });

        // Invalid UTF-8 is an error. StreamReader skips the encoding's preamble, the UTF-8 byte order mark, and
        // looks for no other, so bytes that would be a UTF-16 or UTF-32 mark are invalid UTF-8 too.
        using var text = new StreamReader(content, RowReading.StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        SepReader reader;
        try
        {
            reader = await options.FromAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsContentProblem(exception))
        {
            throw Wrap(exception, 0);
        }

        using (reader)
        {
            DelimitedRow? rows = null;
            long number = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Inline, not a helper method: an async call per row costs several percent of the read.
                bool more;
                try
                {
                    more = await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (IsContentProblem(exception))
                {
                    throw Wrap(exception, rows is null ? 0 : number + 1);
                }

                if (!more)
                {
                    break;
                }

                if (rows is null)
                {
                    rows = new DelimitedRow(kind, reader.Current, csv);
                }
                else if (rows.Bind(reader, number + 1) is { } row)
                {
                    number++;
                    yield return row;
                }
            }
        }
    }

    // Sep refuses a row longer than it buffers (16 MiB) with NotSupportedException; the streams
    // it reads through throw none (they read asynchronously), so here it can only mean that.
    private static bool IsContentProblem(Exception exception) => RowErrors.IsContentProblem(exception) || exception is NotSupportedException;

    private static ReportRowFormatException Wrap(Exception exception, long number) =>
        exception is NotSupportedException
            ? new ReportRowFormatException(
                $"{(number == 0 ? "The artifact's header" : $"Row {number}")} is longer than the 16 MiB a csv or tsv row may be: a quote never closed, or not csv or tsv at all.",
                number,
                innerException: exception)
            : RowErrors.Wrap(exception, number);
}
