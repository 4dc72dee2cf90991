using System.Globalization;
using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests.Hostile;

/// <summary>How one read of a (possibly damaged) artifact ended: the rows it gave, then the exception that stopped it, if any.</summary>
/// <param name="Rows">Each row as <see cref="RowsOracle.Snapshot"/> spells it, in the order read.</param>
/// <param name="Numbers">Each row's <see cref="ReportRow.RowNumber"/>.</param>
/// <param name="Error">What ended the read early; <see langword="null"/> when it read to the end.</param>
internal sealed record RowsOutcome(IReadOnlyList<string> Rows, IReadOnlyList<long> Numbers, Exception? Error);

/// <summary>
/// The judge shared by the hostile-file suites (text formats and gzip, <c>HostileTextFileTests</c>;
/// parquet, <c>HostileParquetTests</c>): reads an artifact through <see cref="ReportRows"/>, and says what is wrong with the
/// outcome, or nothing. The rule: a read ends in rows equal to the clean file's (or, where the damage
/// sits in known rows, the untouched rows unchanged and in order), or in
/// <see cref="ReportRowFormatException"/>; never another exception type, never a hang.
/// </summary>
internal static class RowsOracle
{
    /// <summary>Long enough for any sane read of a test file on a busy machine; only a hang reaches it. Not a timing assertion.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads <paramref name="bytes"/> as <typeparamref name="TRow"/> rows in <paramref name="format"/>,
    /// from a seekable stream or a download-like one handing out <paramref name="chunk"/> bytes per read.
    /// </summary>
    public static async Task<RowsOutcome> ReadAsync<TRow>(byte[] bytes, ReportFormat format, bool seekable = true, int chunk = 1000)
        where TRow : ReportRow
    {
        var rows = new List<string>();
        var numbers = new List<long>();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            // On the thread pool and bounded from outside too: a loop that never looks at the token (Parquet.Net's
            // thrift reader once ran on past a damaged footer) is caught as well.
            await Task.Run(
                async () =>
                {
                    Stream stream = seekable ? new MemoryStream(bytes, writable: false) : new NetworkLikeStream(bytes, chunk);
                    await foreach (var row in ReportRows.ReadAsync<TRow>(stream, format, guard.Token))
                    {
                        var snapshot = Snapshot(row);
                        lock (rows)
                        {
                            rows.Add(snapshot);
                            numbers.Add(row.RowNumber);
                        }
                    }
                },
                guard.Token).WaitAsync(HangGuard * 1.5);
            return new RowsOutcome(rows, numbers, null);
        }
        catch (Exception exception)
        {
            lock (rows)
            {
                return new RowsOutcome([.. rows], [.. numbers], exception);
            }
        }
    }

    /// <summary>
    /// A row as text: every column it holds a value for, with that value as the row spells it, in
    /// column-name order, then every typed property a row type adds to <see cref="ReportRow"/>, read (so a read that ends has made
    /// each value; a value the row lacks reads as <c>∅</c>). Columns without a value are left out, and the
    /// order is not the file's, so an NDJSON key first seen on a damaged line (which widens the columns of
    /// the rows after it) does not change how they read.
    /// </summary>
    public static string Snapshot(ReportRow row)
    {
        var cells = new List<string>(row.Columns.Count);
        foreach (var column in row.Columns)
        {
            if (row.TryGetValue(column, out var value))
            {
                cells.Add($"{column}={value}");
            }
        }

        // Enumerating the bag must work too, and agree.
        foreach (var (column, value) in row.AdditionalColumns)
        {
            if (!row.TryGetValue(column, out var same) || same != value)
            {
                cells.Add($"!{column} differs in AdditionalColumns");
            }
        }

        cells.Sort(StringComparer.Ordinal);
        foreach (var property in row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.DeclaringType != typeof(ReportRow) && p.GetIndexParameters().Length == 0))
        {
            cells.Add($"{property.Name}:{Typed(row, property)}");
        }

        return string.Join(" | ", cells);
    }

    private static string Typed(ReportRow row, PropertyInfo property)
    {
        try
        {
            var value = property.GetValue(row);
            return value is System.Collections.IEnumerable list and not string
                ? string.Join(';', list.Cast<object>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)))
                : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
        }
        catch (TargetInvocationException lacking) when (lacking.InnerException is InvalidOperationException)
        {
            // A value the row lacks (a null, a column left out) throws when read, by design.
            return "∅";
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            // Anything else a property throws is the read's outcome, judged like any other.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    /// <summary>What is wrong with an outcome's exception, or <see langword="null"/>: only <see cref="ReportRowFormatException"/> may end a read of a damaged file.</summary>
    public static string? ErrorProblem(RowsOutcome outcome) => outcome.Error switch
    {
        null or ReportRowFormatException => null,
        OperationCanceledException or TimeoutException => $"no end after {HangGuard.TotalSeconds:0} s (a hang?)",
        var other => $"{other.GetType().Name}: {Excerpt(other.Message)}",
    };

    /// <summary>
    /// For damage the test cannot place in rows (inside compressed bytes, a parquet page): a read that
    /// ends must give exactly the clean rows; otherwise it must end in <see cref="ReportRowFormatException"/>
    /// (rows before it may be anything: they were given out as they were read).
    /// </summary>
    public static string? Problem(RowsOutcome outcome, RowsOutcome clean)
    {
        if (ErrorProblem(outcome) is { } error)
        {
            return error;
        }

        return outcome.Error is null ? Compare(outcome, clean, 0, clean.Rows.Count) : null;
    }

    /// <summary>
    /// For damage within known rows: clean rows <paramref name="firstTouched"/> to
    /// <paramref name="lastTouched"/> (0-based, inclusive) may come out differently, or not at all, or as
    /// several; every row before them must come out unchanged first, and, when the read ends, every row
    /// after them unchanged last. Row numbers count from 1 without a gap.
    /// </summary>
    public static string? Problem(RowsOutcome outcome, RowsOutcome clean, int firstTouched, int lastTouched)
    {
        if (ErrorProblem(outcome) is { } error)
        {
            return error;
        }

        for (var i = 0; i < outcome.Numbers.Count; i++)
        {
            if (outcome.Numbers[i] != i + 1)
            {
                return $"row {i + 1} numbered {outcome.Numbers[i]}";
            }
        }

        var before = Math.Max(0, firstTouched);
        for (var i = 0; i < Math.Min(before, outcome.Rows.Count); i++)
        {
            if (outcome.Rows[i] != clean.Rows[i])
            {
                return $"untouched row {i + 1} changed: {Excerpt(outcome.Rows[i])} instead of {Excerpt(clean.Rows[i])}";
            }
        }

        if (outcome.Error is not null)
        {
            return null;
        }

        if (outcome.Rows.Count < before)
        {
            return $"{outcome.Rows.Count} rows, but the {before} rows before the damage are untouched";
        }

        var after = clean.Rows.Count - 1 - lastTouched;
        if (outcome.Rows.Count - before < after)
        {
            return $"{outcome.Rows.Count} rows, fewer than the {before + after} untouched ones (rows lost or merged)";
        }

        for (var i = 1; i <= after; i++)
        {
            if (outcome.Rows[^i] != clean.Rows[^i])
            {
                return $"untouched row {clean.Rows.Count - i + 1} changed: {Excerpt(outcome.Rows[^i])} instead of {Excerpt(clean.Rows[^i])} (rows merged or shifted)";
            }
        }

        return null;
    }

    /// <summary>Lists problems found over many cases, most frequent first, each with the case that showed it first.</summary>
    public static string Report(IReadOnlyDictionary<string, (int Count, string Example)> problems, int cases) =>
        $"{problems.Values.Sum(p => p.Count)} problems in {cases} cases:{Environment.NewLine}" + string.Join(
            Environment.NewLine,
            problems.OrderByDescending(p => p.Value.Count).Select(p => $"  {p.Value.Count} × {p.Key}; first: {p.Value.Example}"));

    public static string Excerpt(string text) => text.Length <= 160 ? text : $"{text[..160]}… ({text.Length} chars)";

    private static string? Compare(RowsOutcome outcome, RowsOutcome clean, int from, int to)
    {
        if (outcome.Rows.Count != to - from)
        {
            return $"{outcome.Rows.Count} rows instead of {to - from}, and no error";
        }

        for (var i = from; i < to; i++)
        {
            if (outcome.Rows[i - from] != clean.Rows[i])
            {
                return $"row {i + 1} differs, and no error: {Excerpt(outcome.Rows[i - from])} instead of {Excerpt(clean.Rows[i])}";
            }
        }

        return null;
    }
}
