using System.Globalization;

namespace HeloData.Reports.Rows;

/// <summary>
/// Parses cell text as docs/artifacts.md spells it, from spans, culture-invariant. The common shapes
/// (<c>2026-05-01</c>, <c>2026-05-01T03:05:46Z</c>) take a hand-written path, several times faster than
/// the general parsers, which remain for everything else RFC 3339 allows.
/// </summary>
internal static class CellParser
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool TryInt32(ReadOnlySpan<char> text, out int value) => int.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryInt64(ReadOnlySpan<char> text, out long value) => long.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    // Keeps the scale as written: "3.4500" stays 3.4500m, so the row's text is the file's. A value
    // decimal cannot hold exactly is refused, where decimal.TryParse would round it.
    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out value) && IsExact(text, value);

    /// <summary>
    /// Whether <paramref name="value"/>, parsed from <paramref name="text"/>, is the number written:
    /// decimal holds 28–29 significant digits and 28 decimal places, and its parsers round the rest
    /// away (<c>0.1234567890123456789012345678901</c>, <c>1e-30</c> → 0). Text of at most 28
    /// characters without an exponent always fits, so the usual cell costs one length check.
    /// </summary>
    public static bool IsExact(ReadOnlySpan<char> text, decimal value) =>
        (text.Length <= 28 && !text.ContainsAny('e', 'E')) || DecimalDigits.SameNumber(text, value);

    /// <summary>The same check for an NDJSON number's UTF-8 text (ASCII by JSON's grammar).</summary>
    public static bool IsExact(ReadOnlySpan<byte> json, decimal value)
    {
        if (json.Length <= 28 && !json.ContainsAny((byte)'e', (byte)'E'))
        {
            return true;
        }

        Span<char> text = json.Length <= 256 ? stackalloc char[json.Length] : new char[json.Length];
        for (var i = 0; i < json.Length; i++)
        {
            text[i] = (char)json[i];
        }

        return DecimalDigits.SameNumber(text, value);
    }

    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>An RFC 3339 timestamp with its offset (<c>Z</c> or <c>±hh:mm</c>), returned in UTC; one without an offset is refused, not guessed.</summary>
    public static bool TryTimestamp(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        // The sandbox's shape: "2026-05-01T03:05:46Z".
        if (text.Length == 20 && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z'
            && TryDate(text[..10], out var date)
            && TryDigits(text.Slice(11, 2), out var hour) && hour < 24
            && TryDigits(text.Slice(14, 2), out var minute) && minute < 60
            && TryDigits(text.Slice(17, 2), out var second) && second < 60)
        {
            value = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero);
            return true;
        }

        value = default;
        var hasOffset = text.Length > 19 && (text[^1] is 'Z' or 'z' || (text.Length >= 25 && text[^6] is '+' or '-' && text[^3] == ':'));
        if (!hasOffset || text.Length > 64)
        {
            return false;
        }

        // RFC 3339 allows a lower-case 'z' (and 't'); .NET's parser wants upper case.
        Span<char> upper = stackalloc char[text.Length];
        text.ToUpperInvariant(upper);
        if (!TryTruncateFraction(ref upper))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(upper, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>
    /// RFC 3339 allows any number of fractional digits, at least one; .NET's parser takes up to seven
    /// (one tick, 100 ns) and also takes none. Digits past the seventh are dropped, so a nanosecond
    /// timestamp is read truncated to the tick; a point without digits is refused.
    /// </summary>
    private static bool TryTruncateFraction(ref Span<char> text)
    {
        const int FractionStart = 20; // yyyy-MM-ddTHH:mm:ss.
        if (text.Length < FractionStart || text[FractionStart - 1] != '.')
        {
            return true;
        }

        var end = FractionStart;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == FractionStart)
        {
            return false;
        }

        const int Kept = FractionStart + 7;
        if (end > Kept)
        {
            text[end..].CopyTo(text[Kept..]);
            text = text[..(Kept + text.Length - end)];
        }

        return true;
    }

    /// <summary>A product; the four documented ones are the shared instances, so a row costs no string for them.</summary>
    public static ReportProduct Product(ReadOnlySpan<char> text, StringCache strings) => text switch
    {
        "residential" => ReportProduct.Residential,
        "mobile" => ReportProduct.Mobile,
        "datacenter" => ReportProduct.Datacenter,
        "isp" => ReportProduct.Isp,
        _ => new ReportProduct(strings.Get(text)),
    };

    /// <summary><c>residential;mobile</c>; empty entries are skipped, so an empty cell is an empty list.</summary>
    public static IReadOnlyList<ReportProduct> Products(ReadOnlySpan<char> text, StringCache strings)
    {
        var products = new List<ReportProduct>(4);
        while (!text.IsEmpty)
        {
            var end = text.IndexOf(';');
            var item = end < 0 ? text : text[..end];
            if (!item.IsEmpty)
            {
                products.Add(Product(item, strings));
            }

            text = end < 0 ? default : text[(end + 1)..];
        }

        return products.Count == 0 ? Array.Empty<ReportProduct>() : products.AsReadOnly();
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
