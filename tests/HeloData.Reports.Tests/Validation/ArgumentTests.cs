using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Validation;

namespace HeloData.Reports.Tests.Validation;

/// <summary>
/// <see cref="Argument"/>: ids, a new report's own fields, run windows and paging, each rule valid
/// and invalid, blaming the exact member. Destinations: <see cref="DestinationRulesTests"/> and
/// <see cref="BucketRulesTests"/>; updates: <see cref="UpdateRulesTests"/>.
/// </summary>
public sealed class ArgumentTests
{
    [TestCase("rep_01HX2K3PQ4M5")]
    [TestCase("run_01HX2K3PQ4M5")]
    [TestCase("a/b", Description = "escaped into one segment by the transport")]
    [TestCase("...")]
    [TestCase(".hidden")]
    public void AssertId_accepts_an_opaque_id(string id)
    {
        Assert.That(() => Argument.AssertId(id, "reportId"), Throws.Nothing);
    }

    [TestCase("", "is empty or blank")]
    [TestCase("   ", "\"   \" is empty or blank")]
    [TestCase(".", "\".\" cannot be used: in a URL path \".\" and \"..\" are dot-segments that collapse the path")]
    [TestCase("..", "\"..\" cannot be used")]
    [TestCase("rep\n1", "\"rep\\u000a1\" contains a control character (U+000A) at index 3")]
    [TestCase("rep\u007f", "control character (U+007F)")]
    public void AssertId_rejects(string id, string message)
    {
        Assert.That(() => Argument.AssertId(id, "reportId"), Rejected.As<ArgumentException>("reportId", message));
    }

    [Test]
    public void AssertId_rejects_null()
    {
        Assert.That(() => Argument.AssertId(null, "runId"), Rejected.As<ArgumentNullException>("runId", "An id is required"));
    }

    [Test]
    public void AssertNewReport_accepts_the_published_example()
    {
        var report = new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
        {
            Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
            Schedule = "0 9 * * MON",
            Destination = new EmailDestination("ops@acme.com"),
        };

        Assert.That(() => Argument.AssertNewReport(report, "report"), Throws.Nothing);
    }

    [Test]
    public void AssertNewReport_accepts_the_minimum_and_values_newer_than_the_sdk()
    {
        var report = new NewReport("on-demand", "geo_heatmap", "xlsx") { Filters = new ReportFilters { Products = ["satellite"] } };
        report.AdditionalProperties["timezone_hint"] = JsonDocument.Parse("\"UTC\"").RootElement;

        Assert.That(() => Argument.AssertNewReport(report, "report"), Throws.Nothing);
    }

    [Test]
    public void AssertNewReport_rejects_null()
    {
        Assert.That(() => Argument.AssertNewReport(null, "report"), Rejected.As<ArgumentNullException>("report", "A report to create is required"));
    }

    [TestCase("weekly-traffic")]
    [TestCase("Wöchentlicher Bericht 📊")]
    [TestCase("x")]
    public void Name_rules_accept(string name)
    {
        Assert.That(() => Argument.AssertNewReport(Report(name), "report"), Throws.Nothing);
    }

    [Test]
    public void Name_rules_accept_exactly_128_characters()
    {
        Assert.That(() => Argument.AssertNewReport(Report(new string('n', NameRules.MaxNameLength)), "report"), Throws.Nothing);
    }

    [TestCase("", "The report name \"\" is empty or blank")]
    [TestCase("   ", "The report name \"   \" is empty or blank")]
    [TestCase("weekly\ttraffic", "\"weekly\\u0009traffic\" contains a control character (U+0009) at index 6")]
    public void Name_rules_reject(string name, string message)
    {
        Assert.That(() => Argument.AssertNewReport(Report(name), "report"), Rejected.As<ArgumentException>("report.Name", message));
    }

    [Test]
    public void Name_rules_reject_129_characters()
    {
        Assert.That(
            () => Argument.AssertNewReport(Report(new string('n', 129)), "report"),
            Rejected.As<ArgumentException>("report.Name", "is 129 characters long; the most is 128"));
    }

    [Test]
    public void Type_and_format_must_be_set()
    {
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", default, ReportFormat.Csv), "report"), Rejected.As<ArgumentException>("report.Type", "The ReportType is not set"));
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", " ", ReportFormat.Csv), "report"), Rejected.As<ArgumentException>("report.Type", "The ReportType \" \" is empty or blank"));
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, default), "report"), Rejected.As<ArgumentException>("report.Format", "The ReportFormat is not set"));
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, ""), "report"), Rejected.As<ArgumentException>("report.Format", "The ReportFormat \"\" is empty or blank"));
    }

    [Test]
    public void Listed_products_must_be_set()
    {
        var report = new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Filters = new ReportFilters { Products = [ReportProduct.Mobile, default] } };

        Assert.That(() => Argument.AssertNewReport(report, "report"), Rejected.As<ArgumentException>("report.Filters.Products[1]", "The ReportProduct is not set"));
    }

    [TestCase("0 9 * * MON")]
    [TestCase("*/15 * * * *")]
    [TestCase(null)]
    public void Schedule_rules_accept(string? schedule)
    {
        Assert.That(() => Argument.AssertNewReport(Report("r", schedule), "report"), Throws.Nothing);
    }

    [TestCase("@weekly", "Write \"0 0 * * 0\" instead")]
    [TestCase("0 0 9 * * MON", "Seconds are not supported")]
    [TestCase("0 25 * * *", "\"0 25 * * *\" is not valid cron")]
    [TestCase("", "\"\" is empty")]
    public void Schedule_rules_reject(string schedule, string message)
    {
        Assert.That(() => Argument.AssertNewReport(Report("r", schedule), "report"), Rejected.As<ArgumentException>("report.Schedule", message));
    }

    [TestCase("schedule", "\"schedule\" has the name of the modelled field \"schedule\"")]
    [TestCase("Name", "set NewReport.Name instead")]
    [TestCase("destination", "sent twice")]
    public void Additional_properties_may_not_shadow_a_modelled_field(string key, string message)
    {
        var report = Report("r");
        report.AdditionalProperties[key] = JsonDocument.Parse("null").RootElement;

        Assert.That(() => Argument.AssertNewReport(report, "report"), Rejected.As<ArgumentException>("report.AdditionalProperties", message));
    }

    [TestCase(null, null)]
    [TestCase("2026-05-01", null)]
    [TestCase(null, "2026-05-28")]
    [TestCase("2026-05-01", "2026-05-28")]
    [TestCase("2026-05-01", "2026-05-01")]
    public void AssertWindow_accepts(string? from, string? to)
    {
        var window = new RunWindow { From = Date(from), To = Date(to) };

        Assert.That(() => Argument.AssertWindow(window, "window"), Throws.Nothing);
        Assert.That(() => Argument.AssertWindow(null, "window"), Throws.Nothing);
    }

    [Test]
    public void AssertWindow_rejects_a_window_that_ends_before_it_starts()
    {
        var window = new RunWindow { From = new DateOnly(2026, 5, 31), To = new DateOnly(2026, 5, 1) };

        Assert.That(() => Argument.AssertWindow(window, "window"), Rejected.As<ArgumentException>("window", "2026-05-31..2026-05-01 ends before it starts"));
    }

    [TestCase(null)]
    [TestCase(1)]
    [TestCase(1000)]
    public void AssertPageLimit_accepts(int? limit)
    {
        Assert.That(() => Argument.AssertPageLimit(limit, "limit"), Throws.Nothing);
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void AssertPageLimit_rejects(int limit)
    {
        Assert.That(() => Argument.AssertPageLimit(limit, "limit"), Rejected.As<ArgumentOutOfRangeException>("limit", $"The page limit {limit} is less than 1"));
    }

    [TestCase(null)]
    [TestCase("eyJvZmZzZXQiOjUwfQ")]
    public void AssertCursor_accepts(string? cursor)
    {
        Assert.That(() => Argument.AssertCursor(cursor, "cursor"), Throws.Nothing);
    }

    [TestCase("", "The cursor \"\" is empty or blank")]
    [TestCase(" \t", "The cursor \" \\u0009\" is empty or blank")]
    public void AssertCursor_rejects(string cursor, string message)
    {
        Assert.That(() => Argument.AssertCursor(cursor, "cursor"), Rejected.As<ArgumentException>("cursor", message));
    }

    private static NewReport Report(string name, string? schedule = null) =>
        new(name, ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule };

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
