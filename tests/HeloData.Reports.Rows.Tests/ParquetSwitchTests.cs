using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// The feature switch an AOT app sets to leave Parquet.Net's reader (and its warnings) out: parquet is
/// refused with a message naming it, and the text formats read as before. The publish itself is checked
/// by <c>.ci/aot-smoke</c>, which builds the smoke app with the switch off and allows no warning.
/// </summary>
[NonParallelizable]
public sealed class ParquetSwitchTests
{
    [TearDown]
    public void TearDown() => AppContext.SetSwitch(RowReading.ParquetSwitch, true);

    [Test]
    public async Task Parquet_is_read_unless_the_switch_turns_it_off()
    {
        var bytes = TestArtifact.Traffic.Parquet();
        Assert.That(await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Parquet), Has.Count.EqualTo(3));

        AppContext.SetSwitch(RowReading.ParquetSwitch, false);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Parquet));
        Assert.That(error!.Message, Does.Contain(RowReading.ParquetSwitch));
        Assert.That(await ReportRowsTests.ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Bytes(ReportFormat.Csv), ReportFormat.Csv), Has.Count.EqualTo(3));
    }
}
