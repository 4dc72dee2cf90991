using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;

namespace HeloData.Reports.Models;

/// <summary>
/// csv (RFC 4180: comma, fields quoted with doubled quotes, CRLF or LF) and tsv (tab, no quoting, as
/// IANA's text/tab-separated-values) with Sep, row by row as the bytes arrive. A header row is
/// required; an artifact with no bytes at all has no rows.
/// </summary>
internal static class DelimitedRowReader
{
    // Invalid UTF-8 is an error, not U+FFFD in a value: a latin-1 file would otherwise read as garbage.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<ReportRow> ReadAsync(Stream content, bool csv, RowKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Sep unquotes in place only when asked; DelimitedRow does it itself, so a quote left open
        // (a file cut inside a quoted field) is an error rather than a value that runs to the end.
        var options = Sep.New(csv ? ',' : '\t').Reader(o => o with
        {
            HasHeader = true,
            DisableQuotesParsing = !csv,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
            CreateToString = SepToString.PoolPerCol(maximumStringLength: 64),
        });

        using var text = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        SepReader reader;
        try
        {
            reader = await options.FromAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RowErrors.IsContentProblem(exception))
        {
            throw RowErrors.Wrap(exception, 0);
        }

        using (reader)
        {
            if (reader.IsEmpty)
            {
                yield break;
            }

            var rows = new DelimitedRow(kind, reader.Header.ColNames, csv);
            long number = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (RowErrors.IsContentProblem(exception))
                {
                    throw RowErrors.Wrap(exception, number + 1);
                }

                if (!more)
                {
                    break;
                }

                if (rows.Bind(reader, number + 1) is { } row)
                {
                    number++;
                    yield return row;
                }
            }
        }
    }
}
