using static HeloData.Reports.Testing.Artifacts.ArtifactColumn;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary><c>traffic</c>: aggregated bandwidth per sub-user, product and UTC day.</summary>
internal sealed class TrafficRows : IReportRows
{
    private const long GiB = 1L << 30;

    // A typical sub-user's daily volume and mean response size per product: mobile is scarce and
    // dear, datacenter cheap and bulky.
    private static readonly Dictionary<string, (long DailyBytes, long BytesPerRequest)> Profiles = new(StringComparer.Ordinal)
    {
        ["residential"] = (6 * GiB, 90_000),
        ["mobile"] = (2 * GiB, 60_000),
        ["datacenter"] = (25 * GiB, 120_000),
        ["isp"] = (10 * GiB, 95_000),
    };

    public string ReportType => "traffic";

    public bool FiltersByProduct => true;

    public IReadOnlyList<ArtifactColumn> Columns { get; } =
        [Date("date"), Text("subuser_id"), Text("product"), Int64("bandwidth_bytes"), Int64("requests")];

    public IEnumerable<object[]> Rows(ArtifactContext context)
    {
        var random = context.Random;

        // Each sub-user keeps its own level per product, so its days look alike rather than random.
        var series = context.Account.Subusers
            .SelectMany(subuser => context.ProductsOf(subuser).Select(product =>
                (Subuser: subuser.Id, Product: product, Daily: random.Jitter(Profiles[product].DailyBytes, 200, 1800))))
            .ToArray();

        foreach (var day in context.Days())
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            foreach (var (subuser, product, daily) in series)
            {
                var bytes = random.Jitter(weekend ? daily * 6 / 10 : daily, 700, 1300);
                var requests = Math.Max(1, random.Jitter(bytes / Profiles[product].BytesPerRequest, 850, 1150));
                yield return [day, subuser, product, bytes, requests];
            }
        }
    }
}
