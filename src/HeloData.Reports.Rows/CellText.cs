using System.Globalization;

namespace HeloData.Reports.Rows;

/// <summary>Spells a typed value the way the csv does (docs/artifacts.md), for a row's indexer and for parquet values kept as text.</summary>
internal static class CellText
{
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>UTC with <c>Z</c>; whole seconds as the sandbox writes them, a fraction only when there is one.</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    public static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    public static string Products(IReadOnlyList<ReportProduct> value) => string.Join(';', value);
}
