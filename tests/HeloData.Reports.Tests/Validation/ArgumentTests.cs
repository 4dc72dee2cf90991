using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Validation;

/// <summary>
/// <see cref="Argument"/>: ids, a new report's own fields and run windows, each rule valid and
/// invalid, blaming the exact member; and what it leaves to the service. Destinations:
/// <see cref="DestinationRulesTests"/>; updates: <see cref="UpdateRulesTests"/>.
/// </summary>
public sealed class ArgumentTests
{
    [TestCase("rep_01HX2K3PQ4M5")]
    [TestCase("run_01HX2K3PQ4M5")]
    [TestCase("a/b", Description = "escaped into one segment by the transport")]
    [TestCase("...")]
    [TestCase(".hidden")]
    [TestCase("run 1", Description = "inner white space is escaped as %20")]
    [TestCase("rün_😀", Description = "a valid surrogate pair")]
    public void AssertId_accepts_an_opaque_id(string id)
    {
        Assert.That(() => Argument.AssertId(id, "reportId"), Throws.Nothing);
    }

    [TestCase("", "The id \"\" is empty")]
    [TestCase("   ", "\"   \" has leading or trailing white space")]
    [TestCase(" rep_1", "has leading or trailing white space")]
    [TestCase("rep_1\n", "has leading or trailing white space")]
    [TestCase("rep_1\u00a0", "has leading or trailing white space", Description = "a no-break space")]
    [TestCase(".", "\".\" is a dot-segment: in a URL path \".\" and \"..\" collapse the path")]
    [TestCase("..", "\"..\" is a dot-segment")]
    [TestCase("rep\n1", "\"rep\\u000a1\" contains a control character (U+000A) at index 3")]
    [TestCase("rep\u007f", "control character (U+007F)")]
    [TestCase("rep\u200b_1", "contains an invisible format character (U+200B) at index 3", Description = "a zero-width space")]
    [TestCase("\ufeffrep_1", "invisible format character (U+FEFF) at index 0", Description = "a byte-order mark")]
    public void AssertId_rejects(string id, string message)
    {
        Assert.That(() => Argument.AssertId(id, "reportId"), Rejected.As<ArgumentException>("reportId", message));
    }

    [Test]
    public void AssertId_rejects_an_unpaired_surrogate()
    {
        // Built at run time: a lone surrogate does not survive as an attribute argument.
        var id = "rep_" + (char)0xD800;

        Assert.That(() => Argument.AssertId(id, "reportId"), Rejected.As<ArgumentException>("reportId", "an unpaired surrogate (U+D800) at index 4"));
    }

    [Test]
    public void AssertId_caps_the_length_at_a_generous_1024_characters()
    {
        Assert.That(() => Argument.AssertId(new string('r', IdRules.MaxLength), "reportId"), Throws.Nothing);
        Assert.That(
            () => Argument.AssertId(new string('r', 100_000), "reportId"),
            Rejected.As<ArgumentException>("reportId", "is 100000 characters long; ids are at most 1024"));
        Assert.That(
            () => Argument.AssertId(new string('r', 100_000), "reportId"),
            Throws.ArgumentException.With.Message.Length.LessThan(500), "the message quotes a bounded excerpt");
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
    [TestCase("   ", Description = "blank: the service judges")]
    [TestCase("weekly\ttraffic", Description = "a control character: the page does not rule it out")]
    public void A_name_is_only_required_to_be_there(string name)
    {
        Assert.That(() => Argument.AssertNewReport(Report(name), "report"), Throws.Nothing);
    }

    [TestCase(200)]
    [TestCase(10_000)]
    public void A_long_name_is_the_services_to_judge(int length)
    {
        Assert.That(() => Argument.AssertNewReport(Report(new string('n', length)), "report"), Throws.Nothing);
    }

    [Test]
    public void An_empty_name_is_a_missing_one()
    {
        Assert.That(() => Argument.AssertNewReport(Report(""), "report"), Rejected.As<ArgumentException>("report.Name", "The report name is empty"));
    }

    [Test]
    public void Type_and_format_must_be_set()
    {
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", default, ReportFormat.Csv), "report"), Rejected.As<ArgumentException>("report.Type", "The ReportType is not set"));
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, default), "report"), Rejected.As<ArgumentException>("report.Format", "The ReportFormat is not set"));

        // Any string value is sent: the service may know a type or format this SDK does not.
        Assert.That(() => Argument.AssertNewReport(new NewReport("r", " ", ""), "report"), Throws.Nothing);
    }

    [Test]
    public void Listed_products_must_be_set()
    {
        var report = new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Filters = new ReportFilters { Products = [ReportProduct.Mobile, default] } };

        Assert.That(() => Argument.AssertNewReport(report, "report"), Rejected.As<ArgumentException>("report.Filters.Products[1]", "The ReportProduct is not set"));
    }

    [TestCase("0 9 * * MON")]
    [TestCase("*/15 * * * *")]
    [TestCase("0 0 1 JUL *")]
    [TestCase(null)]
    public void Schedule_rules_accept(string? schedule)
    {
        Assert.That(() => Argument.AssertNewReport(Report("r", schedule), "report"), Throws.Nothing);
    }

    [TestCase("@weekly", "Write \"0 0 * * 0\" instead")]
    [TestCase("0 0 9 * * MON", "Seconds are not supported")]
    [TestCase("0 0 * * 5#3", "\"5#3\" in the day-of-week field. # (the nth given weekday of the month, as in 5#3) is a Quartz cron extension")]
    [TestCase("0 0 31 2,4,6 *", "never fires: day 31 never occurs in February, April or June")]
    [TestCase("0 25 * * *", "\"0 25 * * *\" is not valid cron")]
    [TestCase("", "\"\" is empty")]
    public void Schedule_rules_reject(string schedule, string message)
    {
        Assert.That(() => Argument.AssertNewReport(Report("r", schedule), "report"), Rejected.As<ArgumentException>("report.Schedule", message));
    }

    [TestCase("schedule", "\"schedule\" has the name of the modelled field \"schedule\"")]
    [TestCase("name", "set NewReport.Name instead")]
    [TestCase("destination", "sent twice")]
    public void Additional_properties_may_not_shadow_a_modelled_field(string key, string message)
    {
        var report = Report("r");
        report.AdditionalProperties[key] = JsonDocument.Parse("null").RootElement;

        Assert.That(() => Argument.AssertNewReport(report, "report"), Rejected.As<ArgumentException>("report.AdditionalProperties", message));
    }

    [Test]
    public void An_additional_property_differing_from_a_field_only_in_case_is_its_own_json_name()
    {
        var report = Report("r");
        report.AdditionalProperties["Name"] = JsonDocument.Parse("\"legacy\"").RootElement;

        Assert.That(() => Argument.AssertNewReport(report, "report"), Throws.Nothing);
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

    private static NewReport Report(string name, string? schedule = null) =>
        new(name, ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule };

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
