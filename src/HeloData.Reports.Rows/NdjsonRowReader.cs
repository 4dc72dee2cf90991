using System.Runtime.CompilerServices;

namespace HeloData.Reports.Rows;

/// <summary>
/// NDJSON (the wire format <c>json</c>): one JSON object per line, read line by line as the bytes
/// arrive. Lines are split here rather than by <c>JsonSerializer</c>, so each error knows its row
/// number and can quote the line; each line is read with <see cref="System.Text.Json.Utf8JsonReader"/>
/// straight into the row's typed fields (see <see cref="NdjsonRow"/>). Blank lines are skipped.
/// </summary>
internal static class NdjsonRowReader
{
    public static async IAsyncEnumerable<ReportRow> ReadAsync(Stream content, RowKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(content);
        var rows = new NdjsonRow(kind);
        long number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.TryBindNext(lines, number + 1, out var row))
            {
                if (row is not null)
                {
                    number++;
                    yield return row;
                }

                continue;
            }

            bool more;
            try
            {
                more = await lines.FillAsync(number + 1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (RowErrors.IsContentProblem(exception))
            {
                throw RowErrors.Wrap(exception, number + 1);
            }

            if (!more)
            {
                break;
            }
        }
    }
}
