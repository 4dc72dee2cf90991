namespace HeloData.Reports.Rows;

/// <summary>
/// The rows of one stream, read as it goes: one enumeration only. A second would read the stream
/// from wherever the first left it (its end, or a disposed stream); it is refused instead, saying why.
/// </summary>
internal sealed class SingleUseRows<TRow>(IAsyncEnumerable<TRow> rows) : IAsyncEnumerable<TRow>
{
    private int _taken;

    public IAsyncEnumerator<TRow> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _taken, 1) == 0
            ? rows.GetAsyncEnumerator(cancellationToken)
            : throw new InvalidOperationException(
                "These rows were already enumerated: ReportRows.ReadAsync reads its stream once, as the rows are enumerated. " +
                "To read them again, call ReportRows.ReadAsync again with the artifact opened again, or keep the rows (ToListAsync).");
}
