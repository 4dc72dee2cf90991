using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// A run of each report type, in each format, loaded by the sink: the table has the row type's documented columns,
/// each of a PostgreSQL type that keeps the value exactly, and every cell of the table spells exactly what the
/// artifact's cell says (so every sum equals the artifact's), with the run's key on every row.
/// </summary>
public sealed class TableSinkRoundTripTests : SinkTestBase
{
    private static readonly Dictionary<ReportType, IReadOnlyList<ReportRowColumn>> RowColumns = new()
    {
        [ReportType.Traffic] = ReportRows.ColumnsOf<TrafficRow>(),
        [ReportType.Requests] = ReportRows.ColumnsOf<RequestRow>(),
        [ReportType.Invoices] = ReportRows.ColumnsOf<InvoiceRow>(),
        [ReportType.Subusers] = ReportRows.ColumnsOf<SubuserRow>(),
        [ReportType.IspBatches] = ReportRows.ColumnsOf<IspBatchRow>(),
    };

    // The PostgreSQL type each .NET value type is kept in (information_schema's data_type), and how a value of it is
    // spelled back as the csv spells it.
    private static readonly Dictionary<Type, (string DataType, string Csv)> Storage = new()
    {
        [typeof(string)] = ("text", "{0}"),
        [typeof(ReportProduct)] = ("text", "{0}"),
        [typeof(IReadOnlyList<ReportProduct>)] = ("ARRAY", "array_to_string({0}, ';')"),
        [typeof(int)] = ("integer", "{0}::text"),
        [typeof(long)] = ("bigint", "{0}::text"),
        [typeof(decimal)] = ("numeric", "{0}::text"),
        [typeof(DateOnly)] = ("date", "to_char({0}, 'YYYY-MM-DD')"),
        [typeof(DateTimeOffset)] = ("timestamp with time zone", "to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        from type in RowColumns.Keys
        from format in new[] { ReportFormat.Csv, ReportFormat.Tsv, ReportFormat.Json, ReportFormat.Parquet }
        select new TestCaseData(type, format).SetArgDisplayNames(type.ToString(), format.ToString());

    [TestCaseSource(nameof(Cases))]
    public async Task Every_cell_and_sum_is_the_artifacts(ReportType type, ReportFormat format)
    {
        var reportId = await NewReportAsync(type, format);
        var run = await CollectAsync(reportId, type, format, May1To7);
        var expected = await CellsOfAsync(run.OpenRead(), format, RowColumns[type]);

        await NewSink().HandleAsync(run, CancellationToken.None);

        var columns = await RowsAsync(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position", Schema, $"helodata_{type}");
        Assert.That(columns.Select(c => $"{c[0]} {c[1]}"), Is.EqualTo(
            new[] { "report_id text", "run_id text", "window_from date", "window_to date", "row_number bigint" }
                .Concat(RowColumns[type].Select(c => $"{c.Name} {Storage[c.ValueType].DataType}"))));

        var spelled = string.Join(", ", RowColumns[type].Select(c => string.Format(CultureInfo.InvariantCulture, Storage[c.ValueType].Csv, $"\"{c.Name}\"")));
        var loaded = await RowsAsync($"SELECT report_id, run_id, window_from, window_to, row_number, {spelled} FROM {Table(type)}");
        Assert.That(expected, Is.Not.Empty, "a window with rows");
        Assert.That(loaded, Has.Count.EqualTo(expected.Count));
        Assert.That(loaded.Select(r => (r[0], r[1], r[2], r[3])).Distinct(), Is.EqualTo(new[] { ((object?)reportId, (object?)run.RunId, (object?)May1To7.From, (object?)May1To7.To) }));
        var actual = loaded.ToDictionary(r => (long)r[4]!, r => r.Skip(5).Select(v => (string?)v).ToArray());
        Assert.That(actual, Is.EqualTo(expected), "every cell, by row number, spelled as the artifact spells it");

        foreach (var column in RowColumns[type].Where(c => Storage[c.ValueType].Csv == "{0}::text"))
        {
            var index = RowColumns[type].ToList().IndexOf(column);
            var sum = await ScalarAsync<string>($"SELECT sum(\"{column.Name}\")::text FROM {Table(type)}");
            Assert.That(decimal.Parse(sum, CultureInfo.InvariantCulture), Is.EqualTo(expected.Values.Sum(cells => decimal.Parse(cells[index]!, CultureInfo.InvariantCulture))), column.Name);
        }
    }

    /// <summary>The artifact's cells, by row number, spelled as the csv spells them (a plain row's text).</summary>
    private static async Task<Dictionary<long, string?[]>> CellsOfAsync(Stream content, ReportFormat format, IReadOnlyList<ReportRowColumn> columns)
    {
        var cells = new Dictionary<long, string?[]>();
        await foreach (var row in ReportRows.ReadAsync<ReportRow>(content, format))
        {
            cells.Add(row.RowNumber, [.. columns.Select(c => row[c.Name])]);
        }

        return cells;
    }
}
