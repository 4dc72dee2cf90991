using System.Runtime.CompilerServices;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>Every report of a cursor-paged listing, read a page at a time as the enumeration proceeds.</summary>
internal static class ReportPages
{
    /// <summary>Reads page after page until the service hands out no next cursor.</summary>
    /// <param name="readPage">Reads the page at a cursor (<see langword="null"/>: the first).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ReportsException">A page failed, or a cursor came a second time (<see cref="ReportsErrorCode.InvalidResponse"/>).</exception>
    public static async IAsyncEnumerable<Report> ReadAllAsync(
        Func<string?, CancellationToken, Task<ReportList>> readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every cursor of this enumeration: one handed out twice (A→B→A as well as A→A) would loop for ever.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await readPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var report in page.Reports)
            {
                yield return report;
            }

            cursor = page.NextCursor;
            if (cursor is not null && !seen.Add(cursor))
            {
                throw new ReportsException(
                    $"List reports failed: the service returned the next_cursor \"{ValueText.Escape(cursor)}\" a second time, so the pages would repeat for ever.",
                    ReportsErrorCode.InvalidResponse);
            }
        }
        while (cursor is not null);
    }
}
