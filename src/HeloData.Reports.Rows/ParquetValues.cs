using System.Globalization;
using System.Numerics;
using Parquet.File.Values.Primitives;
using Parquet.Schema;

namespace HeloData.Reports.Rows;

/// <summary>
/// Turns parquet's stored values (days, counts of time units, unscaled integers) into .NET values
/// exactly, or throws <see cref="ParquetValueException"/>: a value .NET cannot hold is never rounded,
/// clamped or cut. Parquet.Net's own conversions are bypassed where they lose (a timestamp's time
/// in a date, a 38-digit decimal rounded to 28) or cannot decode (DuckDB's DELTA_BINARY_PACKED dates).
/// </summary>
internal static class ParquetValues
{
    private const int UnixEpochDayNumber = 719_162; // DateOnly(1970, 1, 1).DayNumber
    private const int MaxDecimalScale = 28;
    private static readonly BigInteger MaxDecimalMantissa = (BigInteger.One << 96) - 1;

    /// <summary>A parquet <c>DATE</c>: days since 1970-01-01.</summary>
    public static DateOnly Date(int days)
    {
        var number = (long)UnixEpochDayNumber + days;
        return number >= DateOnly.MinValue.DayNumber && number <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)number)
            : throw new ParquetValueException($"{days} days after 1970-01-01 is not a date between 0001-01-01 and 9999-12-31", Number(days));
    }

    /// <summary>A parquet <c>TIMESTAMP</c> stored as a count of <paramref name="unit"/> since the Unix epoch, taken as UTC; nanoseconds are cut to the tick (100 ns), as RFC 3339 text with 8–9 fractional digits is.</summary>
    public static DateTimeOffset Timestamp(long value, DateTimeTimeUnit unit)
    {
        var (perUnit, divisor) = unit switch
        {
            DateTimeTimeUnit.Millis => (TimeSpan.TicksPerMillisecond, 1L),
            DateTimeTimeUnit.Micros => (TimeSpan.TicksPerMicrosecond, 1L),
            _ => (1L, 100L),
        };

        var ticks = Math.DivRem(value, divisor, out var remainder) - (remainder < 0 ? 1 : 0);
        var epoch = DateTimeOffset.UnixEpoch.Ticks;
        if (ticks > (DateTimeOffset.MaxValue.Ticks - epoch) / perUnit || ticks < -epoch / perUnit)
        {
            throw new ParquetValueException($"{Number(value)} {unit.ToString().ToLowerInvariant()} after 1970-01-01T00:00:00Z is not a timestamp between the years 1 and 9999", Number(value));
        }

        return new DateTimeOffset(epoch + (ticks * perUnit), TimeSpan.Zero);
    }

    /// <summary>A timestamp put into a date column: only a midnight is a date; any other time is refused, as csv refuses <c>2026-05-01T03:05:46Z</c> there.</summary>
    public static DateOnly DateOf(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        return utc.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(utc)
            : throw new ParquetValueException($"{CellText.Timestamp(timestamp)} has a time of day; a date column holds whole days (yyyy-MM-dd)", CellText.Timestamp(timestamp));
    }

    /// <summary>A parquet <c>DECIMAL</c> stored as an integer: <paramref name="unscaled"/> × 10^-<paramref name="scale"/>, with its scale kept (34500, 4 → 3.4500).</summary>
    public static decimal Decimal(long unscaled, int scale)
    {
        if (scale is < 0 or > MaxDecimalScale)
        {
            throw TooPrecise(unscaled, scale);
        }

        var magnitude = unscaled < 0 ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
    }

    /// <summary>A parquet <c>DECIMAL</c> of any precision; refused when .NET's decimal cannot hold it exactly (more than 28–29 significant digits, or a scale over 28).</summary>
    public static decimal Decimal(BigInteger unscaled, int scale)
    {
        var magnitude = BigInteger.Abs(unscaled);
        if (scale is < 0 or > MaxDecimalScale || magnitude > MaxDecimalMantissa)
        {
            throw TooPrecise(unscaled, scale);
        }

        var low = (ulong)(magnitude & ulong.MaxValue);
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)(magnitude >> 64), unscaled.Sign < 0, (byte)scale);
    }

    /// <summary>A decimal's exact text, whatever its precision (for a column no row type knows).</summary>
    public static string DecimalText(BigInteger unscaled, int scale)
    {
        if (scale < 0)
        {
            throw TooPrecise(unscaled, scale);
        }

        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        }

        return unscaled.Sign < 0 ? "-" + digits : digits;
    }

    /// <summary>The unscaled integer of a decimal stored as bytes: big-endian two's complement.</summary>
    public static BigInteger Unscaled(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: false, isBigEndian: true);

    /// <summary>A parquet <c>TIME</c> (a count of units since midnight) as <c>HH:mm:ss</c> with the fraction it has, exactly.</summary>
    public static string Time(long value, TimeUnitPrecision unit)
    {
        var (perSecond, digits) = unit switch
        {
            TimeUnitPrecision.Millis => (1_000L, 3),
            TimeUnitPrecision.Micros => (1_000_000L, 6),
            _ => (1_000_000_000L, 9),
        };

        if (value < 0 || value > 86_400 * perSecond)
        {
            throw new ParquetValueException($"{Number(value)} is not a time of day in {unit.ToString().ToLowerInvariant()}", Number(value));
        }

        var seconds = Math.DivRem(value, perSecond, out var fraction);
        var text = string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
        return fraction == 0 ? text : text + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    /// <summary>A parquet <c>INTERVAL</c> as an ISO 8601 duration: <c>P1M2DT0.5S</c>; <c>PT0S</c> when empty.</summary>
    public static string Interval(Interval value)
    {
        var text = new System.Text.StringBuilder("P");
        if (value.Months != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Months}M");
        }

        if (value.Days != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Days}D");
        }

        if (value.Millis != 0 || text.Length == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"T{value.Millis / 1000m:0.###}S");
        }

        return text.ToString();
    }

    private static ParquetValueException TooPrecise(BigInteger unscaled, int scale) =>
        new($"{Number(unscaled)} × 10^-{scale} does not fit .NET's decimal (at most 28 significant digits and a scale of 0 to 28) and is not rounded", Number(unscaled) + "E-" + scale.ToString(CultureInfo.InvariantCulture));

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>A stored parquet value .NET cannot hold exactly; the column reader turns it into a <see cref="ReportRowFormatException"/> naming the row and column.</summary>
internal sealed class ParquetValueException(string message, string value) : Exception(message)
{
    /// <summary>The stored value, spelled as read.</summary>
    public string Value { get; } = value;
}
