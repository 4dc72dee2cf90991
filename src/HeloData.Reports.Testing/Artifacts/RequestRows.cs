using static HeloData.Reports.Testing.Artifacts.ArtifactColumn;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary><c>requests</c>: a sample of individual requests per UTC day.</summary>
internal sealed class RequestRows : IReportRows
{
    // RFC 2606 names only: the sandbox never names a real site.
    private static readonly string[] Hosts =
    [
        "shop.example.com", "search.example.net", "maps.example.org", "news.example.com",
        "api.example.net", "cdn.example.org", "travel.example.com",
    ];

    private static readonly (string Item, int Weight)[] Countries =
        [("US", 30), ("DE", 12), ("GB", 12), ("FR", 8), ("BR", 8), ("JP", 8), ("IN", 8), ("CA", 6), ("NL", 4), ("AU", 4)];

    private static readonly (int Item, int Weight)[] Statuses =
        [(200, 78), (204, 2), (301, 3), (304, 3), (403, 4), (404, 4), (407, 1), (429, 3), (502, 1), (503, 1)];

    // Round trips through a phone or a home connection are slower than from a datacenter.
    private static readonly Dictionary<string, (int Min, int Max)> LatencyMs = new(StringComparer.Ordinal)
    {
        ["residential"] = (250, 3_000),
        ["mobile"] = (400, 4_500),
        ["datacenter"] = (30, 400),
        ["isp"] = (60, 700),
    };

    public string ReportType => "requests";

    public bool FiltersByProduct => true;

    public IReadOnlyList<ArtifactColumn> Columns { get; } =
    [
        Timestamp("timestamp"), Text("subuser_id"), Text("product"), Text("target_host"), Text("country"),
        Int32("status_code"), Int64("bytes"), Int32("latency_ms"),
    ];

    public IEnumerable<object[]> Rows(ArtifactContext context)
    {
        var random = context.Random;
        var pairs = context.Account.Subusers
            .SelectMany(subuser => context.ProductsOf(subuser).Select(product => (Subuser: subuser.Id, Product: product)))
            .ToArray();

        foreach (var day in context.Days())
        {
            var sample = new List<object[]>();
            for (var count = random.Next(6, 11); count > 0; count--)
            {
                var (subuser, product) = random.Pick(pairs);
                var status = random.PickWeighted(Statuses);
                var (minLatency, maxLatency) = LatencyMs[product];
                sample.Add(
                [
                    RandomExtensions.At(day, random.Next(86_400)), subuser, product, random.Pick(Hosts),
                    random.PickWeighted(Countries), status, Bytes(random, status), random.Next(minLatency, maxLatency + 1),
                ]);
            }

            // A log reads in time order; OrderBy is stable, so equal seconds keep a fixed order.
            foreach (var row in sample.OrderBy(row => (DateTime)row[0]))
            {
                yield return row;
            }
        }
    }

    private static long Bytes(Random random, int status) => status switch
    {
        204 or 304 => 0,
        < 300 => random.Next(2_000, 2_500_000),
        < 400 => random.Next(250, 900),
        _ => random.Next(150, 4_000),
    };
}
