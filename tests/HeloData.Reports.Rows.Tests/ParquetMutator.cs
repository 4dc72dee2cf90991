using System.Buffers.Binary;

namespace HeloData.Reports.Rows.Tests;

/// <summary>Where a mutation landed: decides what a reader may make of it (see <see cref="HostileParquetTests"/>).</summary>
internal enum MutationRegion
{
    /// <summary>The file was cut short: the footer is gone or incomplete, so the read must fail.</summary>
    Cut,

    /// <summary>The trailing footer length or magic number: the read must fail.</summary>
    Trailer,

    /// <summary>The footer (schema, row groups, offsets, statistics).</summary>
    Footer,

    /// <summary>Page headers and page data (nothing checksums them).</summary>
    Pages,
}

internal sealed record ParquetMutation(string Description, MutationRegion Region, byte[] Bytes);

/// <summary>
/// A seeded generator of damaged parquet files: cut, bytes flipped, bytes duplicated in place, aimed
/// at the trailer, the footer (thrift metadata) or the pages. The same seed gives the same file.
/// </summary>
internal static class ParquetMutator
{
    public static ParquetMutation Mutate(byte[] clean, int seed)
    {
        var random = new Random(seed);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(clean.AsSpan(clean.Length - 8, 4));
        var footerStart = clean.Length - 8 - footerLength;
        return random.Next(7) switch
        {
            0 => Cut(clean, random.Next(0, clean.Length)),
            1 => Flip(clean, random, clean.Length - 8, clean.Length, MutationRegion.Trailer),
            2 or 3 => random.Next(2) == 0
                ? Flip(clean, random, footerStart, clean.Length - 8, MutationRegion.Footer)
                : Duplicate(clean, random, footerStart, clean.Length - 8, MutationRegion.Footer),
            _ => random.Next(2) == 0
                ? Flip(clean, random, 4, footerStart, MutationRegion.Pages)
                : Duplicate(clean, random, 4, footerStart, MutationRegion.Pages),
        };
    }

    private static ParquetMutation Cut(byte[] clean, int length) =>
        new($"cut to {length} of {clean.Length} bytes", MutationRegion.Cut, clean[..length]);

    private static ParquetMutation Flip(byte[] clean, Random random, int from, int to, MutationRegion region)
    {
        var bytes = (byte[])clean.Clone();
        var count = random.Next(1, 5);
        var flipped = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(from, to);
            var mask = (byte)random.Next(1, 256);
            bytes[at] ^= mask;
            flipped.Add($"{at} ^= 0x{mask:x2}");
        }

        // Flips that cancel out leave the file as it was; that is still a fine case (the rows must be the clean ones).
        return new($"flipped {string.Join(", ", flipped)} ({region})", region == MutationRegion.Trailer && bytes.AsSpan().SequenceEqual(clean) ? MutationRegion.Pages : region, bytes);
    }

    private static ParquetMutation Duplicate(byte[] clean, Random random, int from, int to, MutationRegion region)
    {
        var at = random.Next(from, to);
        var length = Math.Min(random.Next(1, 33), to - at);
        byte[] bytes = [.. clean.AsSpan(0, at + length), .. clean.AsSpan(at, length), .. clean.AsSpan(at + length)];
        return new($"duplicated {length} bytes at {at} ({region})", region, bytes);
    }
}
