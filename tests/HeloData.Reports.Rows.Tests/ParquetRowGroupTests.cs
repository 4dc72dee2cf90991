using HeloData.Reports.Models;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// Parquet read one row group after another with the same column buffers: each group's values and nulls
/// replace the previous group's, whatever the groups' sizes.
/// </summary>
public sealed class ParquetRowGroupTests
{
    [Test]
    public async Task Values_and_nulls_of_each_row_group_are_its_own_when_a_smaller_group_follows_a_larger_one()
    {
        var bytes = await WriteAsync(
            (["su_a", null, "su_c"], [1, null, 3], ["residential", "mobile", null]),
            ([null, "su_e"], [null, 5], ["isp", "datacenter"]));

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Parquet, seekable: true);

        Assert.That(rows.Select(row => row.RowNumber), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That((rows[0].SubuserId, rows[0].BandwidthBytes, rows[0].Product), Is.EqualTo(("su_a", 1L, ReportProduct.Residential)));
        Assert.That(() => rows[1].SubuserId, Throws.InvalidOperationException);
        Assert.That(() => rows[1].BandwidthBytes, Throws.InvalidOperationException);
        Assert.That(() => rows[2].Product, Throws.InvalidOperationException);
        Assert.That((rows[2].SubuserId, rows[2].BandwidthBytes), Is.EqualTo(("su_c", 3L)));
        Assert.That(() => rows[3].SubuserId, Throws.InvalidOperationException, "null in the second group, though the first had a value there");
        Assert.That(() => rows[3].BandwidthBytes, Throws.InvalidOperationException);
        Assert.That(rows[3].Product, Is.EqualTo(ReportProduct.Isp));
        Assert.That((rows[4].SubuserId, rows[4].BandwidthBytes, rows[4].Product), Is.EqualTo(("su_e", 5L, ReportProduct.Datacenter)), "a value where the first group had a null");
    }

    [Test]
    public async Task Required_columns_read_over_row_groups_of_different_sizes_keep_every_value()
    {
        var artifact = TestArtifact.Traffic.Repeated(5);
        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(artifact.Parquet(rowGroupSize: 4), ReportFormat.Parquet);

        Assert.That(rows.Select(row => row.BandwidthBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(artifact.Rows.Select(row => row[3])));
        Assert.That(rows.Select(row => row.SubuserId), Is.EqualTo(artifact.Rows.Select(row => row[1])));
    }

    private static async Task<byte[]> WriteAsync(params (string?[] Subusers, long?[] Bandwidth, string?[] Products)[] groups)
    {
        DataField subuser = new DataField<string>("subuser_id", nullable: true), bandwidth = new DataField<long?>("bandwidth_bytes"), product = new DataField<string>("product", nullable: true);
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(subuser, bandwidth, product), stream))
        {
            foreach (var (subusers, bandwidths, products) in groups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(subuser, subusers);
                await group.WriteAsync<long>(bandwidth, bandwidths.AsMemory());
                await group.WriteAsync(product, products);
                group.CompleteValidate();
            }
        }

        return stream.ToArray();
    }
}
