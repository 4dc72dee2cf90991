using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// <see cref="ReportRows.ColumnsOf{TRow}"/>: every row type's documented columns, in order, each typed as its
/// property and reading from a row exactly what the property gives; no value is <c>false</c>, not an exception.
/// </summary>
public sealed class ReportRowColumnTests
{
    private static IEnumerable<TestCaseData> RowTypes() =>
    [
        Case<TrafficRow>(TestArtifact.Traffic),
        Case<RequestRow>(TestArtifact.Requests),
        Case<InvoiceRow>(TestArtifact.Invoices),
        Case<SubuserRow>(TestArtifact.Subusers),
        Case<IspBatchRow>(TestArtifact.IspBatches),
    ];

    [TestCaseSource(nameof(RowTypes))]
    public async Task Each_column_is_its_propertys_name_type_and_value(string[] names, Func<IReadOnlyList<ReportRowColumn>> columnsOf, Func<Task<ReportRow[]>> read)
    {
        var columns = columnsOf();
        var rows = await read();

        Assert.That(columns.Select(c => c.Name), Is.EqualTo(names), "the documented columns, in the documented order");
        Assert.That(columnsOf(), Is.SameAs(columns), "made once");
        Assert.Multiple(() =>
        {
            foreach (var column in columns)
            {
                var property = rows[0].GetType().GetProperty(column.PropertyName)!;
                Assert.That(column.ValueType, Is.EqualTo(property.PropertyType), column.Name);
                Assert.That(column.GetType(), Is.EqualTo(typeof(ReportRowColumn<>).MakeGenericType(property.PropertyType)), column.Name);
                foreach (var row in rows)
                {
                    var (found, value) = TryGet(column, row);
                    Assert.That(found, Is.True, $"{column} of row {row.RowNumber}");
                    Assert.That(value, Is.EqualTo(property.GetValue(row)), $"{column} of row {row.RowNumber}");
                }
            }
        });
    }

    [Test]
    public void The_plain_row_has_no_column_and_a_column_prints_its_row_type()
    {
        Assert.That(ReportRows.ColumnsOf<ReportRow>(), Is.Empty);
        Assert.That(ReportRows.ColumnsOf<TrafficRow>()[3].ToString(), Is.EqualTo("TrafficRow.bandwidth_bytes (Int64)"));
        Assert.That(ReportRows.ColumnsOf<TrafficRow>()[3].PropertyName, Is.EqualTo("BandwidthBytes"));
    }

    [Test]
    public async Task A_value_the_row_lacks_is_false_and_the_default()
    {
        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Without("requests").Csv(), ReportFormat.Csv);
        var requests = (ReportRowColumn<long>)ReportRows.ColumnsOf<TrafficRow>()[4];

        Assert.That(requests.TryGetValue(rows[0], out var value), Is.False);
        Assert.That(value, Is.Zero);
        Assert.That(() => rows[0].Requests, Throws.InvalidOperationException, "the property still throws, as before");
    }

    [Test]
    public void A_row_of_another_type_or_null_is_refused()
    {
        var bytes = (ReportRowColumn<long>)ReportRows.ColumnsOf<RequestRow>()[6];
        var traffic = ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_1", ReportProduct.Isp, 1, 2);

        Assert.That(() => bytes.TryGetValue(traffic, out _), Throws.ArgumentException.With.Property("ParamName").EqualTo("row").And.Message.Contains("RequestRow").And.Message.Contains("TrafficRow"));
        Assert.That(() => bytes.TryGetValue(null!, out _), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("row"));
    }

    private static (bool Found, object? Value) TryGet(ReportRowColumn column, ReportRow row)
    {
        var arguments = new object?[] { row, null };
        var found = (bool)column.GetType().GetMethod(nameof(ReportRowColumn<int>.TryGetValue), BindingFlags.Public | BindingFlags.Instance)!.Invoke(column, arguments)!;
        return (found, arguments[1]);
    }

    private static TestCaseData Case<TRow>(TestArtifact artifact)
        where TRow : ReportRow
    {
        Func<IReadOnlyList<ReportRowColumn>> columnsOf = ReportRows.ColumnsOf<TRow>;
        Func<Task<ReportRow[]>> read = async () => [.. await ReportRowsTests.ReadAllAsync<TRow>(artifact.Csv(), ReportFormat.Csv)];
        return new TestCaseData(artifact.Columns.Select(c => c.Name).ToArray(), columnsOf, read).SetArgDisplayNames(typeof(TRow).Name);
    }
}
