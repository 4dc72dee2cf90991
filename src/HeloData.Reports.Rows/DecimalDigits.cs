using System.Globalization;
using System.Numerics;

namespace HeloData.Reports.Rows;

/// <summary>
/// Compares a number as written with a <see cref="decimal"/> by their significant digits and powers of
/// ten, so a value the parser rounded is told from one it kept. Only long or exponent-form cells get
/// here (<see cref="CellParser.IsExact(ReadOnlySpan{char}, decimal)"/>), so plain code beats speed.
/// </summary>
internal static class DecimalDigits
{
    public static bool SameNumber(ReadOnlySpan<char> text, decimal value)
    {
        var (writtenDigits, writtenExponent) = Normalize(text);
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var (heldDigits, heldExponent) = Strip(mantissa.ToString(CultureInfo.InvariantCulture), -scale);
        return writtenDigits == heldDigits && (heldDigits == "0" || writtenExponent == heldExponent);
    }

    // "-0012.3400e2" → ("1234", -2 + 2 = 0): digits without leading or trailing zeros, and the power of ten of the last.
    private static (string Digits, long Exponent) Normalize(ReadOnlySpan<char> text)
    {
        long exponent = 0;
        if (!text.IsEmpty && text[0] is '+' or '-')
        {
            text = text[1..];
        }

        var mark = text.IndexOfAny('e', 'E');
        var mantissa = mark < 0 ? text : text[..mark];
        if (mark >= 0 && !long.TryParse(text[(mark + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            // An exponent beyond long: only zero can be that number exactly, and decimal.TryParse has refused the rest.
            exponent = 0;
        }

        var point = mantissa.IndexOf('.');
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        var written = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
        return Strip(written, exponent - fraction);
    }

    private static (string Digits, long Exponent) Strip(string digits, long exponent)
    {
        var significant = digits.TrimStart('0');
        if (significant.Length == 0)
        {
            return ("0", 0);
        }

        var trimmed = significant.TrimEnd('0');
        return (trimmed, exponent + (significant.Length - trimmed.Length));
    }
}
