namespace HeloData.Reports.Testing.Artifacts;

/// <summary>A sub-user of the sandbox's account.</summary>
/// <param name="Id">Its id, e.g. <c>su_7f3a</c>.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Status"><c>active</c>, <c>suspended</c> or <c>disabled</c>.</param>
/// <param name="CreatedDaysBeforeWindow">Its creation lies this many days before a report's window, so it exists throughout.</param>
/// <param name="CreatedSecondOfDay">The UTC second of its creation day.</param>
/// <param name="BandwidthLimitBytes">Its bandwidth cap.</param>
/// <param name="Products">The products it may use, in <see cref="SandboxArtifacts.Products"/> order.</param>
internal sealed record SandboxSubuser(
    string Id,
    string Name,
    string Status,
    int CreatedDaysBeforeWindow,
    int CreatedSecondOfDay,
    long BandwidthLimitBytes,
    IReadOnlyList<string> Products);

/// <summary>An ISP batch: addresses in one /24 of a documentation range (RFC 5737), one country, one ASN.</summary>
internal sealed record SandboxIspBatch(string Id, string Prefix, string Country, long Asn, IReadOnlyList<int> Hosts);

/// <summary>
/// The account every report of one sandbox describes. It depends on the seed alone, so traffic,
/// requests and sub-user reports of one sandbox all name the same sub-users.
/// </summary>
internal sealed class SandboxAccount
{
    private const long GiB = 1L << 30;

    private static readonly string[] Names =
    [
        "price-monitoring", "serp-tracking", "ad-verification", "brand-protection", "market-research",
        "travel-fares", "équipe-paris", "qa-geo-tests", "catalog-sync",
    ];

    private static readonly (string Item, int Weight)[] Statuses = [("active", 8), ("suspended", 1), ("disabled", 1)];
    private static readonly long[] Limits = [50 * GiB, 100 * GiB, 250 * GiB, 500 * GiB, 1000 * GiB];

    // The three documentation ranges of RFC 5737: never a real host.
    private static readonly string[] Prefixes = ["192.0.2", "198.51.100", "203.0.113"];
    private static readonly string[] Countries = ["US", "GB", "DE", "NL", "JP", "BR"];

    private SandboxAccount(IReadOnlyList<SandboxSubuser> subusers, IReadOnlyList<SandboxIspBatch> ispBatches)
    {
        Subusers = subusers;
        IspBatches = ispBatches;
    }

    public IReadOnlyList<SandboxSubuser> Subusers { get; }

    public IReadOnlyList<SandboxIspBatch> IspBatches { get; }

    public static SandboxAccount For(int seed)
    {
        var random = StableSeed.ForAccount(seed);
        return new SandboxAccount(CreateSubusers(random), CreateBatches(random));
    }

    /// <summary>Picks <paramref name="count"/> distinct items (a partial Fisher–Yates shuffle).</summary>
    public static T[] Distinct<T>(Random random, IReadOnlyList<T> pool, int count)
    {
        var items = pool.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, items.Length);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items[..count];
    }

    private static SandboxSubuser[] CreateSubusers(Random random)
    {
        var count = random.Next(3, 6);
        var products = SandboxArtifacts.Products;
        var uses = new bool[count, products.Count];

        // Every product has a user, so a report filtered to any one product is never empty.
        for (var p = 0; p < products.Count; p++)
        {
            uses[random.Next(count), p] = true;
            for (var s = 0; s < count; s++)
            {
                uses[s, p] |= random.Next(100) < 35;
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = Distinct(random, Names, count);
        var subusers = new SandboxSubuser[count];
        for (var s = 0; s < count; s++)
        {
            subusers[s] = new SandboxSubuser(
                UniqueId(random, ids, "su_"),
                names[s],
                random.PickWeighted(Statuses),
                random.Next(20, 400),
                random.Next(86_400),
                random.Pick(Limits),
                products.Where((_, p) => uses[s, p]).ToArray());
        }

        return [.. subusers.OrderBy(subuser => subuser.Id, StringComparer.Ordinal)];
    }

    private static SandboxIspBatch[] CreateBatches(Random random)
    {
        var count = random.Next(2, 4);
        var prefixes = Distinct(random, Prefixes, count);
        var countries = Distinct(random, Countries, count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var batches = new SandboxIspBatch[count];
        for (var b = 0; b < count; b++)
        {
            var hosts = Distinct(random, Enumerable.Range(2, 253).ToArray(), random.Next(4, 9));
            Array.Sort(hosts);

            // RFC 5398 reserves AS 64496-64511 for documentation.
            batches[b] = new SandboxIspBatch(UniqueId(random, ids, "ispb_"), prefixes[b], countries[b], random.Next(64_496, 64_512), hosts);
        }

        return [.. batches.OrderBy(batch => batch.Id, StringComparer.Ordinal)];
    }

    private static string UniqueId(Random random, HashSet<string> taken, string prefix)
    {
        string id;
        do
        {
            id = random.HexId(prefix, 4);
        }
        while (!taken.Add(id));

        return id;
    }
}
