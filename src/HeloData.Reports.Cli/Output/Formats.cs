using System.Globalization;

namespace HeloData.Reports.Cli;

/// <summary>How values read in the human output: invariant, so a script scraping it sees the same text on every machine.</summary>
internal static class Formats
{
    public static string Timestamp(DateTimeOffset? value) =>
        value is { } at ? at.ToUniversalTime().ToString("yyyy'-'MM'-'dd HH':'mm':'ss 'UTC'", CultureInfo.InvariantCulture) : "-";

    public static string Date(DateOnly? value) =>
        value is { } date ? date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture) : "-";

    public static string Duration(TimeSpan value) => value.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h{value.Minutes:00}m{value.Seconds:00}s")
        : value.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m{value.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#}s");

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
