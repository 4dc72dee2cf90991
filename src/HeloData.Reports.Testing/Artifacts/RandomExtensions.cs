namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Picks and ids for the row sources. Everything is integer arithmetic on purpose: floating-point
/// functions such as <see cref="Math.Exp(double)"/> may differ in the last bit between CPUs, which
/// would break byte-identical output across machines.
/// </summary>
internal static class RandomExtensions
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Hex = "0123456789abcdef";

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var roll = random.Next(total);
        foreach (var (item, weight) in items)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Weights must be positive.");
    }

    /// <summary>Scales a value by a random factor between <paramref name="minPermille"/> and <paramref name="maxPermille"/> per mille.</summary>
    public static long Jitter(this Random random, long value, int minPermille, int maxPermille) =>
        value * random.Next(minPermille, maxPermille + 1) / 1000;

    /// <summary>An id in the API's style: a prefix and Crockford base32, e.g. <c>inv_01HX2K3PQ4</c>.</summary>
    public static string Base32Id(this Random random, string prefix, int length) => prefix + Chars(random, Crockford, length);

    /// <summary>A short hex id, e.g. <c>su_7f3a</c>.</summary>
    public static string HexId(this Random random, string prefix, int length) => prefix + Chars(random, Hex, length);

    public static DateTime At(DateOnly day, int secondOfDay) =>
        day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(secondOfDay);

    private static string Chars(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
