namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Generates the artifact of a completed run: plausible rows for the report type over the window,
/// encoded in the requested format. The same request always gives the same bytes, in any process.
/// </summary>
internal static class ArtifactGenerator
{
    /// <summary>The longest window generated, so a mistaken range cannot produce a huge artifact.</summary>
    public const int MaxWindowDays = 366;

    /// <summary>Generates the artifact synchronously, for callers that cannot await (the artifact tests).</summary>
    /// <param name="request">The run to generate for.</param>
    /// <returns>The artifact's bytes, in <see cref="ArtifactRequest.Format"/>.</returns>
    /// <exception cref="ArgumentException">Unknown report type, format or product, or a window that is reversed or too long.</exception>
    // Everything is written to memory, so the parquet path completes without waiting on I/O and
    // blocking on it cannot deadlock; the async path uses ConfigureAwait(false) throughout.
    public static byte[] Generate(ArtifactRequest request) =>
        GenerateAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Generates the artifact.</summary>
    /// <param name="request">The run to generate for.</param>
    /// <param name="cancellationToken">Cancels the parquet encoding.</param>
    /// <returns>The artifact's bytes, in <see cref="ArtifactRequest.Format"/>.</returns>
    /// <exception cref="ArgumentException">Unknown report type, format or product, or a window that is reversed or too long.</exception>
    public static async Task<byte[]> GenerateAsync(ArtifactRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = SandboxArtifacts.Format(request.Format);
        var table = Rows(request);
        return format switch
        {
            ArtifactFormat.Csv => DelimitedEncoder.Csv(table),
            ArtifactFormat.Tsv => DelimitedEncoder.Tsv(table),
            ArtifactFormat.Ndjson => NdjsonEncoder.Encode(table),
            _ => await ParquetEncoder.EncodeAsync(table, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The rows of an artifact, before encoding; the same for every format of a request.</summary>
    /// <param name="request">The run to generate for; its format does not affect the rows and is not checked here.</param>
    /// <returns>The report type's columns and the generated rows.</returns>
    public static ArtifactTable Rows(ArtifactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RunId);
        var source = ReportCatalog.For(request.ReportType).Source;
        if (request.To < request.From)
        {
            throw new ArgumentException($"The window ends ({request.To:O}) before it starts ({request.From:O}).", nameof(request));
        }

        if (request.To.DayNumber - request.From.DayNumber + 1 > MaxWindowDays)
        {
            throw new ArgumentException($"The window is longer than {MaxWindowDays} days.", nameof(request));
        }

        var products = Products(request.Products);
        if (!source.FiltersByProduct)
        {
            // Not even through the seed: the same rows whatever the filter says.
            products = [.. SandboxArtifacts.Products];
        }

        var context = new ArtifactContext(request, products, StableSeed.ForRun(request, products), SandboxAccount.For(request.Seed));
        return new ArtifactTable(source.Columns, source.Rows(context).ToArray());
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
