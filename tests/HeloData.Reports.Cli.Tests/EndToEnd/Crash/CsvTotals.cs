using System.Globalization;
using nietras.SeparatedValues;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>A csv artifact's row count, and the sum of each column whose every value is a number: what a table's load must equal.</summary>
internal sealed record CsvTotals(long Rows, IReadOnlyDictionary<string, decimal> Sums)
{
    public static CsvTotals Of(string csv)
    {
        using var reader = Sep.New(',').Reader(o => o with { CultureInfo = CultureInfo.InvariantCulture }).FromText(csv);
        var names = reader.Header.ColNames;
        var sums = names.ToDictionary(name => name, _ => 0m, StringComparer.Ordinal);
        var numeric = new HashSet<string>(names, StringComparer.Ordinal);
        long rows = 0;
        foreach (var row in reader)
        {
            rows++;
            foreach (var name in names)
            {
                if (numeric.Contains(name)
                    && decimal.TryParse(row[name].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    sums[name] += value;
                }
                else
                {
                    numeric.Remove(name);
                }
            }
        }

        return new CsvTotals(rows, sums.Where(sum => numeric.Contains(sum.Key)).ToDictionary(sum => sum.Key, sum => sum.Value, StringComparer.Ordinal));
    }
}
