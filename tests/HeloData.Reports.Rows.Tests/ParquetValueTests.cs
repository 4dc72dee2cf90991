using System.Numerics;
using HeloData.Reports.Models;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// Parquet values that .NET cannot hold as the column's type are errors naming row and column, never
/// rounded, clamped or cut: a timestamp with a time of day in a date column, a decimal beyond 28 digits,
/// an integer beyond the property's range. The same values in a column no row type knows are kept exactly.
/// </summary>
public sealed class ParquetValueTests
{
    private static readonly DateTimeDataField Timestamp = new("date", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);

    [Test]
    public async Task A_timestamp_with_a_time_of_day_in_a_date_column_is_refused_as_csv_refuses_it()
    {
        var bytes = await WriteAsync(new ParquetSchema(Timestamp), group => group.WriteAsync<DateTime>(Timestamp, new[] { new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 1, 3, 5, 46, DateTimeKind.Utc) }));
        var seen = new List<DateOnly>();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(async () =>
        {
            await foreach (var row in ReportRows.ReadAsync<TrafficRow>(new MemoryStream(bytes), ReportFormat.Parquet))
            {
                seen.Add(row.Date);
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { new DateOnly(2026, 5, 1) }), "midnight is a date");
        Assert.That((error!.RowNumber, error.Column, error.Value), Is.EqualTo((2L, "date", "2026-05-01T03:05:46Z")));
        Assert.That(error.Message, Does.Contain("time of day"));
    }

    [Test]
    public async Task A_decimal_beyond_28_digits_is_refused_not_rounded_and_kept_exactly_as_text_where_no_property_needs_it()
    {
        var quantity = new BigDecimalDataField("quantity", 38, 10);
        var big = new BigDecimal(BigInteger.Parse("1234567890123456789012345678901234567", System.Globalization.CultureInfo.InvariantCulture), 38, 10);
        var bytes = await WriteAsync(new ParquetSchema(quantity), group => group.WriteAsync<BigDecimal>(quantity, new[] { big }));

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<InvoiceRow>(bytes, ReportFormat.Parquet));
        var plain = (await ReportRowsTests.ReadAllAsync<ReportRow>(bytes, ReportFormat.Parquet)).Single();

        Assert.That((error!.RowNumber, error.Column), Is.EqualTo((1L, "quantity")));
        Assert.That(error.Message, Does.Contain("28 significant digits"));
        Assert.That(plain["quantity"], Is.EqualTo("123456789012345678901234567.8901234567"));
    }

    [Test]
    public async Task A_wide_decimal_that_fits_keeps_its_value_and_its_scale()
    {
        var price = new DecimalDataField("unit_price_usd", 38, 4);
        var bytes = await WriteAsync(new ParquetSchema(price), group => group.WriteAsync<decimal>(price, new[] { 3.4500m, -0.0001m }));

        var rows = await ReportRowsTests.ReadAllAsync<InvoiceRow>(bytes, ReportFormat.Parquet);

        Assert.That(rows.Select(row => row.UnitPriceUsd), Is.EqualTo(new[] { 3.4500m, -0.0001m }));
        Assert.That(rows.Select(row => row["unit_price_usd"]), Is.EqualTo(new[] { "3.4500", "-0.0001" }), "the scale is the column's, as in the csv");
    }

    [Test]
    public async Task An_integer_beyond_an_int_property_is_refused_not_wrapped()
    {
        var status = new DataField<long>("status_code");
        var bytes = await WriteAsync(new ParquetSchema(status), group => group.WriteAsync<long>(status, new[] { 200L, int.MaxValue + 201L }));

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReportRowsTests.ReadAllAsync<RequestRow>(bytes, ReportFormat.Parquet));

        Assert.That((error!.RowNumber, error.Column, error.Value), Is.EqualTo((2L, "status_code", "2147483848")));
    }

    [Test]
    public async Task A_repeated_column_is_left_out_and_the_rows_are_read()
    {
        var requests = new DataField<long>("requests");
        var codes = new DataField<int[]>("codes");
        var bytes = await WriteAsync(new ParquetSchema(requests, codes), async group =>
        {
            await group.WriteAsync<long>(requests, new[] { 7L, 8L });
            await group.WriteAsync<int>(codes, new[] { 1, 2, 3 }, new[] { 0, 1, 0 });
        });

        var rows = await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Parquet);

        Assert.That(rows.Select(row => row.Requests), Is.EqualTo(new[] { 7L, 8L }));
        Assert.That(rows[0].Columns, Is.EqualTo(new[] { "requests" }));
    }

    private static async Task<byte[]> WriteAsync(ParquetSchema schema, Func<ParquetRowGroupWriter, Task> write)
    {
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            using var group = writer.CreateRowGroup();
            await write(group);
            group.CompleteValidate();
        }

        return stream.ToArray();
    }
}
