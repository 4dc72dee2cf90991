using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests.Hostile;

/// <summary>How <see cref="TextMutator"/> damages a csv, tsv or NDJSON file.</summary>
public enum TextMutation
{
    Cut,
    DuplicateBytes,
    DeleteBytes,
    FlipBits,
    ReplaceBytes,
    InsertQuote,
    InsertDelimiter,
    InsertNewline,
    InsertInvalidUtf8,
    InsertEscape,
    HugeCell,
}

/// <summary>How <see cref="TextMutator"/> damages a gzip-compressed file's compressed bytes.</summary>
public enum GzipMutation
{
    Cut,
    FlipBits,
    DuplicateBytes,
    InsertBytes,
    AppendZeros,
    AppendGarbage,
    SplitIntoMembers,
}

/// <summary>A damaged file and where the damage lies in the clean file: bytes <see cref="Start"/> to <see cref="End"/> (an insertion has both at its place).</summary>
internal sealed record Damaged(byte[] Bytes, int Start, int End, string What);

/// <summary>
/// Damages a file in one of the ways of <see cref="TextMutation"/> or <see cref="GzipMutation"/>, choosing
/// where and how from a seeded <see cref="Random"/>: the same seed gives the same file on every run, so
/// a failure reported with its seed is found again.
/// </summary>
internal sealed class TextMutator(int seed)
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly string[] Escapes = ["\\ud800", "\\udc00", "\\u0000", "\\\"", "\\", "\\x41", "\\u12", "\"\\ud83d\\ude00\""];

    private readonly Random _random = new(seed);

    public Damaged Mutate(byte[] clean, TextMutation mutation, ReportFormat format)
    {
        var at = _random.Next(clean.Length + 1);
        switch (mutation)
        {
            case TextMutation.Cut:
                return new(clean[..at], at, clean.Length, $"cut after {at} of {clean.Length} bytes");
            case TextMutation.DuplicateBytes:
            {
                var start = _random.Next(clean.Length);
                var length = Math.Min(clean.Length - start, 1 + _random.Next(Pick([2, 8, 40, 200])));
                return new([.. clean[..(start + length)], .. clean[start..]], start, start + length, $"bytes {start}..{start + length} doubled");
            }

            case TextMutation.DeleteBytes:
            {
                var start = _random.Next(clean.Length);
                var length = Math.Min(clean.Length - start, 1 + _random.Next(Pick([2, 8, 40])));
                return new([.. clean[..start], .. clean[(start + length)..]], start, start + length, $"bytes {start}..{start + length} deleted");
            }

            case TextMutation.FlipBits:
            case TextMutation.ReplaceBytes:
            {
                var bytes = (byte[])clean.Clone();
                var count = 1 + _random.Next(3);
                int first = int.MaxValue, last = 0;
                for (var i = 0; i < count; i++)
                {
                    var where = _random.Next(bytes.Length);
                    bytes[where] = mutation == TextMutation.FlipBits ? (byte)(bytes[where] ^ (1 << _random.Next(8))) : (byte)_random.Next(256);
                    (first, last) = (Math.Min(first, where), Math.Max(last, where + 1));
                }

                return new(bytes, first, last, $"{count} byte(s) {(mutation == TextMutation.FlipBits ? "flipped" : "replaced")} in {first}..{last}");
            }

            case TextMutation.InsertQuote:
                return Insert(clean, at, Pick(["\"", "\"\"", "\"x\""]));
            case TextMutation.InsertDelimiter:
                return Insert(clean, at, format == ReportFormat.Csv ? Pick([",", ",,"]) : format == ReportFormat.Tsv ? "\t" : Pick([",", ":", "{", "}", "[", "]"]));
            case TextMutation.InsertNewline:
                return Insert(clean, at, Pick(["\n", "\r\n", "\r", "\n\n"]));
            case TextMutation.InsertInvalidUtf8:
                return Insert(clean, at, Pick(InvalidUtf8));
            case TextMutation.InsertEscape:
                return Insert(clean, at, Pick(Escapes));
            default:
                return HugeCell(clean, at);
        }
    }

    public Damaged Mutate(byte[] gzip, GzipMutation mutation, byte[] plain)
    {
        var at = _random.Next(1, gzip.Length);
        switch (mutation)
        {
            case GzipMutation.Cut:
                return new(gzip[..at], 0, 0, $"gzip cut after {at} of {gzip.Length} bytes");
            case GzipMutation.FlipBits:
            {
                var bytes = (byte[])gzip.Clone();
                var count = 1 + _random.Next(3);
                for (var i = 0; i < count; i++)
                {
                    bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return new(bytes, 0, 0, $"{count} gzip bit(s) flipped");
            }

            case GzipMutation.DuplicateBytes:
            {
                // Never the whole file: that is two valid members, the rows twice over.
                var start = _random.Next(gzip.Length - 1);
                var length = Math.Min(gzip.Length - start - 1, 1 + _random.Next(Pick([2, 8, 40])));
                return new([.. gzip[..(start + length)], .. gzip[start..]], 0, 0, $"gzip bytes {start}..{start + length} doubled");
            }

            case GzipMutation.InsertBytes:
            {
                var inserted = new byte[1 + _random.Next(4)];
                _random.NextBytes(inserted);
                return new([.. gzip[..at], .. inserted, .. gzip[at..]], 0, 0, $"{inserted.Length} random byte(s) inserted at gzip byte {at}");
            }

            case GzipMutation.AppendZeros:
            {
                var zeros = Pick([1, 4, 8, 512, 70_000]);
                return new([.. gzip, .. new byte[zeros]], 0, 0, $"{zeros} zero bytes appended");
            }

            case GzipMutation.AppendGarbage:
            {
                var garbage = new byte[1 + _random.Next(20)];
                _random.NextBytes(garbage);
                garbage[0] = (byte)Math.Max(1, (int)garbage[0]);
                return new([.. gzip, .. garbage], 0, 0, $"{garbage.Length} garbage bytes appended");
            }

            default:
            {
                // Harmless: the same bytes as several members, cut anywhere (even mid-character).
                var cuts = Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => _random.Next(plain.Length + 1)).Append(0).Append(plain.Length).Distinct().Order().ToArray();
                var members = cuts.Zip(cuts.Skip(1)).SelectMany(c => TestArtifact.Gzip(plain[c.First..c.Second])).ToArray();
                return new(members, 0, 0, $"split into {cuts.Length - 1} members at {string.Join(",", cuts)}");
            }
        }
    }

    private static Damaged Insert(byte[] clean, int at, string text) => Insert(clean, at, Encoding.UTF8.GetBytes(text));

    private static Damaged Insert(byte[] clean, int at, byte[] inserted) =>
        new([.. clean[..at], .. inserted, .. clean[at..]], at, at, $"{Convert.ToHexString(inserted)} inserted at byte {at}");

    // A cell's value (the bytes between two separators) replaced by a long run of one character.
    private Damaged HugeCell(byte[] clean, int at)
    {
        var separators = new[] { (byte)',', (byte)'\t', (byte)'\n', (byte)':', (byte)'"' };
        var start = Math.Min(at, clean.Length - 1);
        while (start > 0 && Array.IndexOf(separators, clean[start - 1]) < 0)
        {
            start--;
        }

        var end = start;
        while (end < clean.Length && Array.IndexOf(separators, clean[end]) < 0)
        {
            end++;
        }

        var length = Pick([5_000, 70_000, 1 << 20, 17 << 20]);
        var filler = new byte[length];
        Array.Fill(filler, Pick([(byte)'x', (byte)'7', (byte)' ']));
        return new([.. clean[..start], .. filler, .. clean[end..]], start, end, $"bytes {start}..{end} replaced by {length} × '{(char)filler[0]}'");
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
