using System.Globalization;
using System.Text;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Seeds for <see cref="Random"/> that are the same in every process: FNV-1a (64-bit) over UTF-8,
/// because <see cref="string.GetHashCode()"/> is randomized per process.
/// </summary>
internal static class StableSeed
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // A byte no wire value contains, so ("ab", "c") and ("a", "bc") hash differently.
    private const byte Separator = 0x1F;

    /// <summary>The seed of everything that belongs to the account rather than to one run.</summary>
    public static Random ForAccount(int seed) => Create("account", seed.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The seed of one run's rows. The format is left out on purpose: the four formats of one run
    /// carry the same rows, which lets tests compare them.
    /// </summary>
    public static Random ForRun(ArtifactRequest request, IReadOnlyList<string> products) => Create(
        "run",
        request.RunId,
        request.ReportType,
        request.From.ToString(ArtifactText.DateFormat, CultureInfo.InvariantCulture),
        request.To.ToString(ArtifactText.DateFormat, CultureInfo.InvariantCulture),
        string.Join(',', products),
        request.Seed.ToString(CultureInfo.InvariantCulture));

    public static ulong Hash(params string[] parts)
    {
        var hash = OffsetBasis;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = unchecked((hash ^ b) * Prime);
            }

            hash = unchecked((hash ^ Separator) * Prime);
        }

        return hash;
    }

    // The seeded System.Random algorithm is kept unchanged by .NET for compatibility, so a seed
    // gives the same sequence in every process and on every supported runtime.
    private static Random Create(params string[] parts)
    {
        var hash = Hash(parts);
        return new Random(unchecked((int)(hash ^ (hash >> 32))));
    }
}
