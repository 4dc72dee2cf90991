using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Rows.Tests.Hostile;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// Damaged parquet files, generated from a seed (<see cref="ParquetMutator"/>) out of the DuckDB fixtures
/// and files Parquet.Net writes: every case ends in <see cref="ReportRowFormatException"/> or in rows,
/// never another exception type and never a hang. A file cut short or with a damaged trailer must fail.
/// Parquet does not checksum its pages or footer, so a changed byte there may also give other, well-formed
/// rows (a value, a name or a statistic changed); those reads must still complete with every value readable.
/// A failure names the seed: <c>ParquetMutator.Mutate(clean, seed)</c> rebuilds the file.
/// </summary>
public sealed class HostileParquetTests
{
    // 11 files × 300: a few thousand cases in seconds; HELODATA_HOSTILE_CASES raises it for a longer hunt.
    private static int CasesPerFile =>
        int.TryParse(Environment.GetEnvironmentVariable("HELODATA_HOSTILE_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases) ? cases : 300;

    private static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("HELODATA_HOSTILE_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 18_000;

    private static IEnumerable<TestCaseData> Sources()
    {
        foreach (var name in ParquetFixtures.Names)
        {
            yield return new TestCaseData(name).SetArgDisplayNames(name);
        }

        foreach (var name in new[] { "parquetnet-traffic", "parquetnet-requests", "parquetnet-invoices" })
        {
            yield return new TestCaseData(name).SetArgDisplayNames(name);
        }
    }

    [TestCaseSource(nameof(Sources))]
    public async Task Every_mutation_ends_in_rows_or_a_ReportRowFormatException(string source)
    {
        var clean = Clean(source);
        var expected = await ReadAsync(source, clean, seekable: true);
        Assert.That(expected.Error, Is.Null, "the clean file reads");
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var fileSeed = BaseSeed + (Sources().ToList().FindIndex(data => (string)data.Arguments[0]! == source) * 100_000);

        for (var i = 0; i < CasesPerFile; i++)
        {
            var seed = fileSeed + i;
            var mutation = ParquetMutator.Mutate(clean, seed);
            var outcome = await OutcomeAsync(source, mutation, expected, seekable: i % 3 != 0);
            outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
            if (outcome.Failure is not null)
            {
                failures.Add($"seed {seed} ({source}, {mutation.Description}): {outcome.Failure}");
            }
        }

        await TestContext.Out.WriteLineAsync($"{source}: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}");
        Assert.That(failures, Is.Empty, $"HELODATA_HOSTILE_SEED={BaseSeed}; rebuild a case with ParquetMutator.Mutate(clean, seed)");
    }

    // Cases the generator once found: Parquet.Net's thrift reader ran past a damaged footer and never
    // returned, or a damaged footer length asked for more memory than the process had.
    [TestCase("invoices-v2-gzip", 26675868)]
    [TestCase("traffic-v1-snappy", 21029815)]
    [TestCase("requests-v2-snappy", 19053190)]
    [TestCase("requests-v1-gzip", 21228923)]
    [TestCase("requests-v1-zstd-groups", 1570348)]
    public async Task Damaged_footers_that_once_hung_the_reader_are_refused(string source, int seed)
    {
        var clean = Clean(source);
        var expected = await ReadAsync(source, clean, seekable: true);
        Assert.That(expected.Error, Is.Null, "the clean file reads");
        var mutation = ParquetMutator.Mutate(clean, seed);

        var outcome = await OutcomeAsync(source, mutation, expected, seekable: true);

        Assert.That(outcome, Is.EqualTo(("refused", (string?)null)), mutation.Description);
    }

    private static async Task<(string Kind, string? Failure)> OutcomeAsync(string source, ParquetMutation mutation, RowsOutcome expected, bool seekable)
    {
        var outcome = await ReadAsync(source, mutation.Bytes, seekable);
        if (RowsOracle.ErrorProblem(outcome) is { } problem)
        {
            return (outcome.Error is OperationCanceledException or TimeoutException ? "hang" : "foreign", $"{problem}\n{outcome.Error!.StackTrace}");
        }

        if (outcome.Error is not null)
        {
            return ("refused", null);
        }

        if (outcome.Rows.SequenceEqual(expected.Rows))
        {
            return ("equal", null);
        }

        // A file cut to nothing is empty content, which is no rows whatever the format (docs/artifacts.md, "Format").
        if (mutation.Bytes.Length == 0 && outcome.Rows.Count == 0)
        {
            return ("empty", null);
        }

        return mutation.Region is MutationRegion.Cut or MutationRegion.Trailer
            ? ("read", $"a damaged trailer or a cut file gave {outcome.Rows.Count} rows instead of an error")
            : ("different", null);
    }

    /// <summary>Reads as the source's row type, through the oracle the text suite uses (every value made, hangs bounded).</summary>
    private static Task<RowsOutcome> ReadAsync(string source, byte[] bytes, bool seekable)
    {
        var report = source.StartsWith("parquetnet-", StringComparison.Ordinal) ? source["parquetnet-".Length..] : ParquetFixtures.Report(source);
        return report switch
        {
            "traffic" => RowsOracle.ReadAsync<TrafficRow>(bytes, ReportFormat.Parquet, seekable),
            "requests" => RowsOracle.ReadAsync<RequestRow>(bytes, ReportFormat.Parquet, seekable),
            _ => RowsOracle.ReadAsync<InvoiceRow>(bytes, ReportFormat.Parquet, seekable),
        };
    }

    private static byte[] Clean(string source) => source switch
    {
        "parquetnet-traffic" => TestArtifact.Traffic.Repeated(40).Parquet(rowGroupSize: 50),
        "parquetnet-requests" => TestArtifact.Requests.Repeated(20).Parquet(rowGroupSize: 7),
        "parquetnet-invoices" => TestArtifact.Invoices.Repeated(10).Parquet(),
        _ => ParquetFixtures.Parquet(source),
    };
}
