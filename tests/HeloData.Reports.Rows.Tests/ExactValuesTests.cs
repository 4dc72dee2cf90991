using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>Values read exactly or refused: RFC 3339 fractions past the tick, decimals past what <see cref="decimal"/> holds.</summary>
public sealed class ExactValuesTests
{
    private static readonly ReportFormat[] TextFormats = [ReportFormat.Csv, ReportFormat.Tsv, ReportFormat.Json];

    [TestCaseSource(nameof(TextFormats))]
    public async Task Timestamps_with_eight_or_nine_fractional_digits_are_read_truncated_to_the_tick(ReportFormat format)
    {
        var artifact = TestArtifact.Requests.WithCell(0, "timestamp", "2026-05-01T03:05:46.123456789Z");

        var row = (await ReportRowsTests.ReadAllAsync<RequestRow>(artifact.Bytes(format), format)).Single();

        Assert.That(row.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 3, 5, 46, TimeSpan.Zero).AddTicks(1234567)));
    }

    [TestCase("2026-05-01T05:05:46.12345678+02:00", 1234567)]
    [TestCase("2026-05-01t03:05:46.999999999z", 9999999)]
    [TestCase("2026-05-01T03:05:46.0000000001Z", 0)]
    public async Task Long_fractions_with_offsets_and_lower_case_are_read_too(string timestamp, long ticks)
    {
        var artifact = TestArtifact.Requests.WithCell(0, "timestamp", timestamp);

        var row = (await ReportRowsTests.ReadAllAsync<RequestRow>(artifact.Csv(), ReportFormat.Csv)).Single();

        Assert.That(row.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 3, 5, 46, TimeSpan.Zero).AddTicks(ticks)));
    }

    [TestCase("2026-05-01T03:05:46.12345678x9Z")]
    [TestCase("2026-05-01T03:05:46.Z")]
    public async Task A_fraction_that_is_not_digits_is_still_refused(string timestamp)
    {
        var artifact = TestArtifact.Requests.WithCell(0, "timestamp", timestamp);

        Assert.That(() => ReportRowsTests.ReadAllAsync<RequestRow>(artifact.Csv(), ReportFormat.Csv), Throws.InstanceOf<ReportRowFormatException>());
    }

    [TestCase("1.23456789012345678901234567891", TestName = "30 significant digits")]
    [TestCase("98765432109876543210987654321", TestName = "29 digits past decimal's largest mantissa")]
    [TestCase("12345678901234567890.123456789012", TestName = "32 significant digits")]
    [TestCase("0.00000000000000000000000000001", TestName = "a value below decimal's smallest step")]
    [TestCase("1e-30", TestName = "an exponent below decimal's smallest step")]
    [TestCase("1.00000000000000000000000000001e2", TestName = "an exponent form with 30 digits")]
    public async Task A_decimal_that_would_be_rounded_is_refused_in_every_text_format(string amount)
    {
        foreach (var format in TextFormats)
        {
            var artifact = TestArtifact.Invoices.WithCell(0, "amount_usd", amount);

            var error = await Assert.ThrowsAsync<ReportRowFormatException>(
                () => ReportRowsTests.ReadAllAsync<InvoiceRow>(artifact.Bytes(format), format), format.ToString());

            Assert.That(error!.Column, Is.EqualTo("amount_usd"), format.ToString());
            Assert.That(error.Value, Is.EqualTo(amount), format.ToString());
        }
    }

    [TestCase("1989.57", "1989.57")]
    [TestCase("1234567890123456789012345678", "1234567890123456789012345678")]
    [TestCase("79228162514264337593543950335", "79228162514264337593543950335")]
    [TestCase("1.2345678901234567890123456789", "1.2345678901234567890123456789")]
    [TestCase("0.1000000000000000000000000000", "0.1000000000000000000000000000")]
    [TestCase("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [TestCase("12.5e2", "1250")]
    [TestCase("-0000000000000000000000000000001.50", "-1.50")]
    public async Task A_decimal_held_exactly_is_read_however_long(string amount, string expected)
    {
        foreach (var format in TextFormats)
        {
            if (format == ReportFormat.Json && amount.StartsWith("-0", StringComparison.Ordinal))
            {
                continue; // JSON allows no leading zeros.
            }

            var artifact = TestArtifact.Invoices.WithCell(0, "amount_usd", amount);

            var row = (await ReportRowsTests.ReadAllAsync<InvoiceRow>(artifact.Bytes(format), format)).Single();

            Assert.That(row.AmountUsd, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), format.ToString());
        }
    }
}
