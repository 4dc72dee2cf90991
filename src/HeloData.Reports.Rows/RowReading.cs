using System.Runtime.CompilerServices;
using System.Text;

namespace HeloData.Reports.Rows;

/// <summary>
/// The one read path shared by <see cref="ReportRows"/> and the client: open the content (gzip off,
/// first bytes known), settle the format, refuse an HTML page, then hand over to the format's reader.
/// </summary>
internal static class RowReading
{
    /// <summary>
    /// UTF-8 that throws on invalid bytes instead of making them U+FFFD (a latin-1 file would otherwise read
    /// as garbage), for every format. Its preamble is the UTF-8 byte order mark, which a StreamReader then
    /// skips (csv, tsv); decoding with <see cref="Encoding.GetString(byte[])"/> is not affected by it.
    /// </summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>The feature switch that turns parquet reading off (see <see cref="IsParquetSupported"/>).</summary>
    internal const string ParquetSwitch = "HeloData.Reports.Rows.Parquet.IsSupported";

    /// <summary>
    /// Whether parquet artifacts can be read: yes, unless the app turns the switch off. Parquet.Net's
    /// schema code brings three trim/AOT warnings of its own into any Native AOT app that can reach it;
    /// an app that never reads parquet sets the switch to <see langword="false"/> with <c>Trim="true"</c>,
    /// the trimmer drops the parquet reader, and the publish has no warning at all.
    /// </summary>
#if NET9_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.FeatureSwitchDefinition(ParquetSwitch)]
#endif
    internal static bool IsParquetSupported => !AppContext.TryGetSwitch(ParquetSwitch, out var enabled) || enabled;

    /// <summary>Where parquet from an unseekable stream is copied: <see langword="null"/>, a private folder in the system temp folder (<see cref="SpoolFile"/>); tests give their own root to watch it.</summary>
    internal static string? DefaultSpoolDirectory => null;

    /// <summary>The format among the four the SDK reads; <see langword="null"/> for any other.</summary>
    public static ReportFormat? Known(ReportFormat format) =>
        format == ReportFormat.Csv ? ReportFormat.Csv
        : format == ReportFormat.Tsv ? ReportFormat.Tsv
        : format == ReportFormat.Json ? ReportFormat.Json
        : format == ReportFormat.Parquet ? ReportFormat.Parquet
        : (ReportFormat?)null;

    /// <param name="source">The artifact's bytes.</param>
    /// <param name="leaveOpen">Whether <paramref name="source"/> outlives the enumeration.</param>
    /// <param name="format">Settles the format from the content's first bytes (after gzip).</param>
    /// <param name="spoolDirectory">Where a parquet copy goes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        Stream source, bool leaveOpen, Func<ReadOnlyMemory<byte>, ReportFormat> format, string? spoolDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : ReportRow
    {
        var kind = RowKinds.Of<TRow>();
        ArtifactContent content;
        try
        {
            content = await ArtifactContent.OpenAsync(source, leaveOpen, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RowErrors.IsContentProblem(exception))
        {
            if (!leaveOpen)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            throw RowErrors.Wrap(exception, 0);
        }

        await using (content.ConfigureAwait(false))
        {
            // Empty content (a run with no rows, empty also after gzip) is no rows in any format: there
            // is nothing to misread, and nothing to tell its format by.
            if (content.Head.IsEmpty)
            {
                yield break;
            }

            var chosen = format(content.Head);
            if (chosen != ReportFormat.Parquet)
            {
                RefuseMarkup(content.Head.Span, chosen);
            }

            var rows = chosen == ReportFormat.Parquet ? Parquet(content, kind, spoolDirectory, cancellationToken)
                : chosen == ReportFormat.Json ? NdjsonRowReader.ReadAsync(content.Stream, kind, cancellationToken)
                : DelimitedRowReader.ReadAsync(content.Stream, csv: chosen == ReportFormat.Csv, kind, cancellationToken);
            await foreach (var row in rows.ConfigureAwait(false))
            {
                yield return (TRow)row;
            }
        }
    }

    private static IAsyncEnumerable<ReportRow> Parquet(ArtifactContent content, RowKind kind, string? spoolDirectory, CancellationToken cancellationToken) =>
        IsParquetSupported
            ? ParquetRowReader.ReadAsync(content, kind, spoolDirectory, cancellationToken)
            : throw new NotSupportedException(
                $"The artifact is parquet, and this app turned parquet reading off ({ParquetSwitch} = false, usually to publish with Native AOT without Parquet.Net's warnings).");

    /// <summary>
    /// A login page, a proxy's error page or a storage error document served in place of the artifact
    /// starts with <c>&lt;</c>, which no csv header, tsv header or JSON object does: say so instead of
    /// reading its markup as columns.
    /// </summary>
    private static void RefuseMarkup(ReadOnlySpan<byte> head, ReportFormat format)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (!text.IsEmpty && text[0] == (byte)'<')
        {
            var start = Encoding.UTF8.GetString(head);
            throw new ReportRowFormatException(
                $"The artifact starts with {ValueText.Quote(start)}: an HTML or XML page, not {format} data (an error page served in its place?).", 0, value: start);
        }
    }
}
