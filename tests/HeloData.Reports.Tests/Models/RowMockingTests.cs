using System.Globalization;
using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>How an application tests its own row-reading code: a fake client yielding factory-built rows.</summary>
public sealed class RowMockingTests
{
    private static readonly TrafficRow[] Rows =
    [
        ReportsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Residential, 4_082_297_694, 50_982, rowNumber: 1),
        ReportsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Mobile, 475_903_850, 9_017, rowNumber: 2),
        ReportsModelFactory.TrafficRow(new DateOnly(2026, 5, 2), "su_4a08", ReportProduct.Isp, 8_892_276_666, 102_755, rowNumber: 3,
            additionalColumns: new Dictionary<string, string> { ["region"] = "eu-west" }),
    ];

    [Test]
    public async Task Typed_row_code_runs_against_a_mocked_client_yielding_factory_rows()
    {
        var client = FakeRowsClient.Create(Rows);
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: new Uri("https://downloads.example/x.csv?sig=1"));

        var totals = await BandwidthBySubuserAsync(client, run);

        Assert.That(totals, Is.EqualTo(new Dictionary<string, long> { ["su_27c4"] = 4_558_201_544, ["su_4a08"] = 8_892_276_666 }));
    }

    [Test]
    public async Task Code_reading_plain_rows_by_column_name_sees_the_same_values()
    {
        var client = FakeRowsClient.Create(Rows);
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed);

        var byName = new Dictionary<string, long>();
        var regions = new List<string>();
        await foreach (var row in client.ReadRowsAsync(run))
        {
            var subuser = row["subuser_id"];
            byName[subuser] = byName.GetValueOrDefault(subuser) + long.Parse(row["bandwidth_bytes"], CultureInfo.InvariantCulture);
            regions.Add(row.AdditionalColumns.GetValueOrDefault("region", "-"));
        }

        Assert.That(byName, Is.EqualTo(await BandwidthBySubuserAsync(client, run)));
        Assert.That(regions, Is.EqualTo(new[] { "-", "-", "eu-west" }));
    }

    // The application code under test: it only knows IReportsClient.
    private static async Task<Dictionary<string, long>> BandwidthBySubuserAsync(IReportsClient client, ReportRun run)
    {
        var totals = new Dictionary<string, long>();
        await foreach (var row in client.ReadRowsAsync<TrafficRow>(run))
        {
            totals[row.SubuserId] = totals.GetValueOrDefault(row.SubuserId) + row.BandwidthBytes;
        }

        return totals;
    }

    // As a mocking library would build it: only the members the code under test calls answer.
    public class FakeRowsClient : DispatchProxy
    {
        private TrafficRow[] _rows = [];

        internal static IReportsClient Create(TrafficRow[] rows)
        {
            var client = Create<IReportsClient, FakeRowsClient>();
            ((FakeRowsClient)(object)client)._rows = rows;
            return client;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
        {
            { Name: nameof(IReportsClient.ReadRowsAsync), IsGenericMethod: true } when targetMethod.GetGenericArguments()[0] == typeof(TrafficRow) => YieldAsync(_rows),
            { Name: nameof(IReportsClient.ReadRowsAsync), IsGenericMethod: false } => YieldAsync<ReportRow>(_rows),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };

        private static async IAsyncEnumerable<TRow> YieldAsync<TRow>(IEnumerable<TRow> rows)
        {
            foreach (var row in rows)
            {
                await Task.Yield();
                yield return row;
            }
        }
    }
}
