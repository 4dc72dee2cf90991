using System.Globalization;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Rows;

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

    // A read of a few KB takes milliseconds; only a hang comes near this.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

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
        var expected = await SnapshotAsync(source, clean, seekable: true, CancellationToken.None);
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
        var expected = await SnapshotAsync(source, clean, seekable: true, CancellationToken.None);
        var mutation = ParquetMutator.Mutate(clean, seed);

        var outcome = await OutcomeAsync(source, mutation, expected, seekable: true);

        Assert.That(outcome, Is.EqualTo(("refused", (string?)null)), mutation.Description);
    }

    private static async Task<(string Kind, string? Failure)> OutcomeAsync(string source, ParquetMutation mutation, List<string> expected, bool seekable)
    {
        using var cancel = new CancellationTokenSource(HangBound);
        List<string> rows;
        try
        {
            // On the thread pool, bounded from outside too: a loop that never looks at the token is still caught.
            rows = await Task.Run(() => SnapshotAsync(source, mutation.Bytes, seekable, cancel.Token)).WaitAsync(HangBound * 1.5);
        }
        catch (ReportRowFormatException)
        {
            return ("refused", null);
        }
        catch (TimeoutException)
        {
            return ("hang", $"still reading after {HangBound * 1.5}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return ("hang", $"still reading after {HangBound}");
        }
        catch (Exception exception)
        {
            return ("foreign", $"{exception.GetType().FullName}: {exception.Message}\n{exception.StackTrace}");
        }

        if (rows.SequenceEqual(expected))
        {
            return ("equal", null);
        }

        return mutation.Region is MutationRegion.Cut or MutationRegion.Trailer
            ? ("read", $"a damaged trailer or a cut file gave {rows.Count} rows instead of an error")
            : ("different", null);
    }

    /// <summary>Every row's every value as text (read through its typed property where it has one), so a read that completes has made each value.</summary>
    private static async Task<List<string>> SnapshotAsync(string source, byte[] bytes, bool seekable, CancellationToken cancellationToken)
    {
        Stream stream = seekable ? new MemoryStream(bytes) : new NetworkLikeStream(bytes);
        var rows = new List<string>();
        var report = source.StartsWith("parquetnet-", StringComparison.Ordinal) ? source["parquetnet-".Length..] : ParquetFixtures.Report(source);
        var read = report switch
        {
            "traffic" => Snapshot(ReportRows.ReadAsync<TrafficRow>(stream, ReportFormat.Parquet, cancellationToken), row => $"{Try(() => row.Date)}|{Try(() => row.BandwidthBytes)}|{Try(() => row.Requests)}|{Try(() => row.Product)}"),
            "requests" => Snapshot(ReportRows.ReadAsync<RequestRow>(stream, ReportFormat.Parquet, cancellationToken), row => $"{Try(() => row.Timestamp)}|{Try(() => row.StatusCode)}|{Try(() => row.Bytes)}|{Try(() => row.LatencyMs)}"),
            _ => Snapshot(ReportRows.ReadAsync<InvoiceRow>(stream, ReportFormat.Parquet, cancellationToken), row => $"{Try(() => row.IssuedOn)}|{Try(() => row.Quantity)}|{Try(() => row.UnitPriceUsd)}|{Try(() => row.AmountUsd)}"),
        };

        await foreach (var row in read)
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async IAsyncEnumerable<string> Snapshot<TRow>(IAsyncEnumerable<TRow> rows, Func<TRow, string> typed)
        where TRow : ReportRow
    {
        await foreach (var row in rows)
        {
            var cells = row.Columns.Select(column => row.TryGetValue(column, out var value) ? $"{column}={value}" : $"{column}∅");
            yield return $"{row.RowNumber}:{string.Join('|', cells)}:{typed(row)}";
        }
    }

    // A value a row lacks (a null) throws InvalidOperationException when read, by design.
    private static string Try<T>(Func<T> read)
    {
        try
        {
            return Convert.ToString(read(), CultureInfo.InvariantCulture) ?? "null";
        }
        catch (InvalidOperationException)
        {
            return "∅";
        }
    }

    private static byte[] Clean(string source) => source switch
    {
        "parquetnet-traffic" => TestArtifact.Traffic.Repeated(40).Parquet(rowGroupSize: 50),
        "parquetnet-requests" => TestArtifact.Requests.Repeated(20).Parquet(rowGroupSize: 7),
        "parquetnet-invoices" => TestArtifact.Invoices.Repeated(10).Parquet(),
        _ => ParquetFixtures.Parquet(source),
    };
}
