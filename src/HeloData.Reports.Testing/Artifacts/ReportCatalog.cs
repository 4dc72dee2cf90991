namespace HeloData.Reports.Testing.Artifacts;

/// <summary>Everything a row source needs to generate one run's rows.</summary>
/// <param name="Request">The run.</param>
/// <param name="Products">The products to report, without duplicates, in <see cref="SandboxArtifacts.Products"/> order.</param>
/// <param name="Random">Seeded from the run (<see cref="StableSeed.ForRun"/>).</param>
/// <param name="Account">The sandbox's account, seeded from the sandbox alone.</param>
internal sealed record ArtifactContext(
    ArtifactRequest Request,
    IReadOnlyList<string> Products,
    Random Random,
    SandboxAccount Account)
{
    /// <summary>The days of the window, oldest first.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = Request.From; day <= Request.To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The products of a sub-user that the report covers.</summary>
    public IReadOnlyList<string> ProductsOf(SandboxSubuser subuser) =>
        subuser.Products.Where(product => Products.Contains(product, StringComparer.Ordinal)).ToArray();
}

/// <summary>The rows of one report type: its columns, and how to generate a run's rows.</summary>
internal interface IReportRows
{
    string ReportType { get; }

    IReadOnlyList<ArtifactColumn> Columns { get; }

    /// <summary>Whether <c>filters.products</c> narrows the rows; when not, the filter changes nothing at all.</summary>
    bool FiltersByProduct { get; }

    /// <summary>The rows, each holding one value per column in column order.</summary>
    IEnumerable<object[]> Rows(ArtifactContext context);
}

/// <summary>The report types the sandbox knows, by wire value.</summary>
internal static class ReportCatalog
{
    private static readonly IReportRows[] Sources =
        [new TrafficRows(), new RequestRows(), new InvoiceRows(), new SubuserRows(), new IspBatchRows()];

    private static readonly Dictionary<string, Entry> ByType =
        Sources.ToDictionary(source => source.ReportType, source => new Entry(source), StringComparer.Ordinal);

    public static IReadOnlyList<string> TypeNames { get; } = Array.AsReadOnly(Sources.Select(source => source.ReportType).ToArray());

    public static Entry For(string reportType)
    {
        ArgumentNullException.ThrowIfNull(reportType);
        return ByType.TryGetValue(reportType, out var entry)
            ? entry
            : throw new ArgumentException(
                $"Unknown report type '{reportType}'; expected one of: {string.Join(", ", TypeNames)}.", nameof(reportType));
    }

    internal sealed class Entry(IReportRows source)
    {
        public IReportRows Source { get; } = source;

        public IReadOnlyList<string> ColumnNames { get; } = Array.AsReadOnly(source.Columns.Select(column => column.Name).ToArray());
    }
}
