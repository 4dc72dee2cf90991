namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Generates the artifact of a completed run: plausible rows for the report type over the window,
/// encoded in the requested format. The same request always gives the same bytes, in any process.
/// </summary>
internal static class ArtifactGenerator
{
    /// <summary>The longest window of an on-demand run (a plan limit of the sandbox's, answered <c>422</c>; the contract leaves such limits to the service).</summary>
    public const int MaxWindowDays = 366;

    /// <summary>Generates the artifact synchronously, for callers that cannot await (the artifact tests).</summary>
    /// <param name="request">The run to generate for.</param>
    /// <returns>The artifact's bytes, in <see cref="ArtifactRequest.Format"/>.</returns>
    /// <exception cref="ArgumentException">Unknown report type, format or product, or a window that is reversed or too long.</exception>
    // Everything is written to memory, so every path completes without waiting on I/O and blocking on
    // it cannot deadlock; the async path uses ConfigureAwait(false) throughout.
    public static byte[] Generate(ArtifactRequest request) =>
        GenerateAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Generates the artifact into memory.</summary>
    /// <param name="request">The run to generate for.</param>
    /// <param name="cancellationToken">Cancels the encoding.</param>
    /// <returns>The artifact's bytes, in <see cref="ArtifactRequest.Format"/>.</returns>
    /// <exception cref="ArgumentException">Unknown report type, format or product, or a window that is reversed or too long.</exception>
    public static async Task<byte[]> GenerateAsync(ArtifactRequest request, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        await WriteAsync(request, memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>
    /// Generates the artifact into <paramref name="output"/> as it goes: rows are generated, encoded and
    /// written in batches (csv, tsv, NDJSON) or row groups (parquet), so memory stays flat whatever
    /// <see cref="ArtifactRequest.RowCount"/> asks for. The bytes are those <see cref="GenerateAsync"/> returns.
    /// </summary>
    /// <param name="request">The run to generate for.</param>
    /// <param name="output">Where the artifact goes; written asynchronously only, never flushed or closed.</param>
    /// <param name="cancellationToken">Cancels the generation.</param>
    /// <param name="counter">Counts the rows as they are generated, if given.</param>
    /// <returns>A task that completes once the last byte was written.</returns>
    /// <exception cref="ArgumentException">Unknown report type, format or product, or a window that is reversed or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ArtifactRequest.RowCount"/> is negative.</exception>
    public static async Task WriteAsync(ArtifactRequest request, Stream output, CancellationToken cancellationToken, RowCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var format = SandboxArtifacts.Format(request.Format);
        var table = Rows(request, counter);
        var writing = format switch
        {
            ArtifactEncoding.Csv => DelimitedEncoder.CsvAsync(table, output, cancellationToken),
            ArtifactEncoding.Tsv => DelimitedEncoder.TsvAsync(table, output, cancellationToken),
            ArtifactEncoding.Ndjson => NdjsonEncoder.WriteAsync(table, output, cancellationToken),
            _ => ParquetEncoder.WriteAsync(table, output, cancellationToken),
        };
        await writing.ConfigureAwait(false);
    }

    /// <summary>The rows of an artifact, before encoding; the same for every format of a request.</summary>
    /// <param name="request">The run to generate for; its format does not affect the rows and is not checked here.</param>
    /// <param name="counter">Counts the rows as they are generated, if given.</param>
    /// <returns>The report type's columns and the rows, generated as they are enumerated.</returns>
    /// <exception cref="ArgumentException">Unknown report type or product, or a window that is reversed or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ArtifactRequest.RowCount"/> is negative.</exception>
    public static ArtifactTable Rows(ArtifactRequest request, RowCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RunId);
        var source = ReportCatalog.For(request.ReportType).Source;
        if (request.To < request.From)
        {
            throw new ArgumentException($"The window ends ({request.To:O}) before it starts ({request.From:O}).", nameof(request));
        }

        // The longest window a schedule gives (every 29 February, 8 years apart across 2100), so a mistaken range
        // cannot produce a huge artifact while every scheduled run's window is generated whole.
        if (request.To.DayNumber - request.From.DayNumber + 1 > ScheduleWindows.LongestWindowDays)
        {
            throw new ArgumentException($"The window is longer than {ScheduleWindows.LongestWindowDays} days.", nameof(request));
        }

        if (request.RowCount is { } rowCount)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rowCount, nameof(ArtifactRequest.RowCount));
        }

        var products = Products(request.Products);
        if (!source.FiltersByProduct)
        {
            // Not even through the seed: the same rows whatever the filter says.
            products = [.. SandboxArtifacts.Products];
        }

        return new ArtifactTable(source.Columns, Generate(source, request, products, counter));
    }

    // An iterator: nothing is generated before the first row is asked for, and each enumeration starts
    // from a fresh context (a fresh seeded Random), so it gives the same rows again.
    private static IEnumerable<object[]> Generate(IReportRows source, ArtifactRequest request, string[] products, RowCounter? counter)
    {
        var context = new ArtifactContext(request, products, StableSeed.ForRun(request, products), SandboxAccount.For(request.Seed));
        var rows = request.RowCount is { } count ? Repeat(source, context, count) : source.Rows(context);
        foreach (var row in rows)
        {
            counter?.Add();
            yield return row;
        }
    }

    // Exactly `count` rows: the window's rows, then the window's rows again with fresh numbers (the
    // context's Random goes on where it was), and so on. The first rows are the window's artifact, so a
    // count equal to the window's gives the very same artifact as no count. A window the filter leaves
    // without rows stays without rows.
    private static IEnumerable<object[]> Repeat(IReportRows source, ArtifactContext context, long count)
    {
        long produced = 0;
        while (produced < count)
        {
            var before = produced;
            foreach (var row in source.Rows(context))
            {
                if (produced == count)
                {
                    yield break;
                }

                produced++;
                yield return row;
            }

            if (produced == before)
            {
                yield break;
            }
        }
    }

    // Order and duplicates of the filter do not matter: ["mobile", "residential"] and
    // ["residential", "mobile", "mobile"] are the same report, so they give the same artifact.
    private static string[] Products(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return [.. SandboxArtifacts.Products];
        }

        foreach (var product in requested)
        {
            if (SandboxArtifacts.ProductOrder(product) < 0)
            {
                throw new ArgumentException(
                    $"Unknown product '{product}'; expected any of: {string.Join(", ", SandboxArtifacts.Products)}.", nameof(ArtifactRequest.Products));
            }
        }

        return [.. SandboxArtifacts.Products.Where(product => requested.Contains(product, StringComparer.Ordinal))];
    }
}
