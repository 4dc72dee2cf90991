using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests.Hostile;

/// <summary>
/// Clean csv, tsv and NDJSON files of every row type, damaged thousands of ways by a seeded
/// <see cref="TextMutator"/> (plain, and gzip-compressed after the damage or in their compressed bytes),
/// read through <see cref="ReportRows"/> as typed and as plain rows, from seekable and download-like streams. Each read must end as
/// <see cref="RowsOracle"/> allows: the rows the damage did not touch unchanged and in order, or a
/// <see cref="ReportRowFormatException"/>; never another exception type, never a hang. One test per row
/// type, format and mutation; its failure lists each distinct problem with the seed that shows it.
/// </summary>
public sealed class HostileTextFileTests
{
    private const int FilesPerCase = 40;
    private const int HugeFilesPerCase = 4;
    private const int GzipFilesPerCase = 16;
    private static readonly ReportFormat[] Formats = [ReportFormat.Csv, ReportFormat.Tsv, ReportFormat.Json];

    public enum RowType
    {
        Traffic,
        Requests,
        Invoices,
        Subusers,
        IspBatches,

        /// <summary>The invoices file read as plain <see cref="ReportRow"/>s: every column kept as text.</summary>
        Plain,
    }

    private static IEnumerable<TestCaseData> TextCases() =>
        from type in Enum.GetValues<RowType>()
        from format in Formats
        from mutation in Enum.GetValues<TextMutation>()
        select new TestCaseData(type, format, mutation).SetArgDisplayNames(type.ToString(), format.ToString(), mutation.ToString());

    private static IEnumerable<TestCaseData> GzipCases() =>
        from type in Enum.GetValues<RowType>()
        from format in Formats
        from mutation in Enum.GetValues<GzipMutation>()
        select new TestCaseData(type, format, mutation).SetArgDisplayNames(type.ToString(), format.ToString(), mutation.ToString());

    [TestCaseSource(nameof(TextCases))]
    public Task Damaged_text_ends_in_the_untouched_rows_or_a_format_error(RowType type, ReportFormat format, TextMutation mutation) =>
        type switch
        {
            RowType.Traffic => DamagedTextAsync<TrafficRow>(type, format, mutation),
            RowType.Requests => DamagedTextAsync<RequestRow>(type, format, mutation),
            RowType.Invoices => DamagedTextAsync<InvoiceRow>(type, format, mutation),
            RowType.Subusers => DamagedTextAsync<SubuserRow>(type, format, mutation),
            RowType.IspBatches => DamagedTextAsync<IspBatchRow>(type, format, mutation),
            _ => DamagedTextAsync<ReportRow>(type, format, mutation),
        };

    [TestCaseSource(nameof(GzipCases))]
    public Task Damaged_gzip_ends_in_the_clean_rows_or_a_format_error(RowType type, ReportFormat format, GzipMutation mutation) =>
        type switch
        {
            RowType.Traffic => DamagedGzipAsync<TrafficRow>(type, format, mutation),
            RowType.Requests => DamagedGzipAsync<RequestRow>(type, format, mutation),
            RowType.Invoices => DamagedGzipAsync<InvoiceRow>(type, format, mutation),
            RowType.Subusers => DamagedGzipAsync<SubuserRow>(type, format, mutation),
            RowType.IspBatches => DamagedGzipAsync<IspBatchRow>(type, format, mutation),
            _ => DamagedGzipAsync<ReportRow>(type, format, mutation),
        };

    /// <summary>A clean artifact of the row type: a dozen rows, each with its own id, one column the type does not know, a quoted csv value.</summary>
    internal static TestArtifact Clean(RowType type)
    {
        var (artifact, id) = type switch
        {
            RowType.Traffic => (TestArtifact.Traffic, "subuser_id"),
            RowType.Requests => (TestArtifact.Requests, "subuser_id"),
            RowType.Invoices or RowType.Plain => (TestArtifact.Invoices.WithCell(0, "description", "Residential \"premium\" bandwidth, May"), "line_id"),
            RowType.Subusers => (TestArtifact.Subusers, "subuser_id"),
            _ => (TestArtifact.IspBatches, "batch_id"),
        };

        artifact = artifact.With(new TestColumn("note", Kind.Text), "kept as text").Repeated(12 / artifact.Rows.Count);
        for (var i = 0; i < artifact.Rows.Count; i++)
        {
            artifact = artifact.WithCell(i, id, $"{artifact.Rows[i][artifact.Columns.ToList().FindIndex(c => c.Name == id)]}_{i}");
        }

        return artifact;
    }

    private static async Task DamagedTextAsync<TRow>(RowType type, ReportFormat format, TextMutation mutation)
        where TRow : ReportRow
    {
        var clean = Clean(type).Bytes(format);
        var expected = await CleanOutcomeAsync<TRow>(clean, format);
        var problems = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        var cases = mutation == TextMutation.HugeCell ? HugeFilesPerCase : FilesPerCase;
        for (var i = 0; i < cases; i++)
        {
            var seed = Seed(type, format, (int)mutation, i);
            var mutator = new TextMutator(seed);
            var damaged = mutator.Mutate(clean, mutation, format);
            var gzip = i % 4 == 3;
            var bytes = gzip ? TestArtifact.Gzip(damaged.Bytes) : damaged.Bytes;
            var outcome = await RowsOracle.ReadAsync<TRow>(bytes, format, seekable: i % 2 == 0, chunk: 1 + (seed % 997));
            var (first, last) = TouchedRows(clean, damaged, format);
            if (RowsOracle.Problem(outcome, expected, first, last) is { } problem)
            {
                Record(problems, problem, $"seed {seed} (case {i}{(gzip ? ", gzip" : "")}): {damaged.What}");
            }
        }

        Assert.That(problems, Is.Empty, () => RowsOracle.Report(problems, cases));
    }

    private static async Task DamagedGzipAsync<TRow>(RowType type, ReportFormat format, GzipMutation mutation)
        where TRow : ReportRow
    {
        var plain = Clean(type).Bytes(format);
        var gzip = TestArtifact.Gzip(plain);
        var expected = await CleanOutcomeAsync<TRow>(plain, format);
        var problems = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        for (var i = 0; i < GzipFilesPerCase; i++)
        {
            var seed = Seed(type, format, 100 + (int)mutation, i);
            var damaged = new TextMutator(seed).Mutate(gzip, mutation, plain);
            var outcome = await RowsOracle.ReadAsync<TRow>(damaged.Bytes, format, seekable: i % 2 == 0, chunk: 1 + (seed % 997));
            var problem = RowsOracle.Problem(outcome, expected);
            if (problem is null && mutation is GzipMutation.AppendZeros or GzipMutation.SplitIntoMembers && outcome.Error is not null)
            {
                problem = $"a harmless change refused: {outcome.Error.Message}";
            }

            if (problem is not null)
            {
                Record(problems, problem, $"seed {seed} (case {i}): {damaged.What}");
            }
        }

        Assert.That(problems, Is.Empty, () => RowsOracle.Report(problems, GzipFilesPerCase));
    }

    private static async Task<RowsOutcome> CleanOutcomeAsync<TRow>(byte[] clean, ReportFormat format)
        where TRow : ReportRow
    {
        var outcome = await RowsOracle.ReadAsync<TRow>(clean, format);
        Assert.That(outcome.Error, Is.Null, "the clean file reads");
        Assert.That(outcome.Rows, Has.Count.GreaterThanOrEqualTo(12));
        return outcome;
    }

    /// <summary>The clean data rows (0-based) the damage may have changed; the whole file when it reaches the csv or tsv header.</summary>
    private static (int First, int Last) TouchedRows(byte[] clean, Damaged damaged, ReportFormat format)
    {
        var header = format == ReportFormat.Json ? 0 : 1;
        var first = LineOf(clean, Math.Max(0, damaged.Start - 1)) - header;
        var last = LineOf(clean, Math.Min(clean.Length, damaged.End)) - header;
        return first < 0 ? (0, int.MaxValue / 2) : (first, last);
    }

    private static int LineOf(byte[] bytes, int offset) => bytes.AsSpan(0, offset).Count((byte)'\n');

    // One seed per case, shown in failures: new TextMutator(seed) with the test's mutation remakes the file.
    private static int Seed(RowType type, ReportFormat format, int mutation, int i) =>
        (((((int)type * 10) + Array.IndexOf(Formats, format)) * 1000) + (mutation * 100)) + i;

    private static void Record(Dictionary<string, (int Count, string Example)> problems, string problem, string example)
    {
        var key = problem.Length > 120 ? problem[..120] : problem;
        problems[key] = problems.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);
    }
}
