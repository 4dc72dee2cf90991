using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Validation;

/// <summary>
/// <see cref="Argument.AssertUpdate"/>: a merge-patch is checked field by field, only for the fields
/// it sets; removing what a report can be without is legal, removing what it cannot is not.
/// </summary>
public sealed class UpdateRulesTests
{
    private static IEnumerable<TestCaseData> ValidUpdates()
    {
        yield return new TestCaseData(new ReportUpdate { Schedule = null }).SetArgDisplayNames("schedule removed");
        yield return new TestCaseData(new ReportUpdate { Schedule = "0 6 1 * *" }).SetArgDisplayNames("schedule changed");
        yield return new TestCaseData(new ReportUpdate { Destination = null }).SetArgDisplayNames("destination removed");
        yield return new TestCaseData(new ReportUpdate { Filters = null }).SetArgDisplayNames("filters removed");
        yield return new TestCaseData(new ReportUpdate { Name = "monthly-traffic", Type = ReportType.Invoices, Format = ReportFormat.Parquet }).SetArgDisplayNames("name type format");
        yield return new TestCaseData(new ReportUpdate { Destination = new S3Destination("acme-exports", "helodata/", "arn:aws:iam::123456789012:role/w") }).SetArgDisplayNames("destination changed");
        yield return new TestCaseData(WithExtra("retention_days")).SetArgDisplayNames("only an unmodelled field");
        yield return new TestCaseData(ReportUpdate.FromReport(PublishedReport())).SetArgDisplayNames("read-modify-write");
    }

    [TestCaseSource(nameof(ValidUpdates))]
    public void AssertUpdate_accepts(ReportUpdate update)
    {
        Assert.That(() => Argument.AssertUpdate(update, "update"), Throws.Nothing);
    }

    [Test]
    public void AssertUpdate_rejects_null()
    {
        Assert.That(() => Argument.AssertUpdate(null, "update"), Rejected.As<ArgumentNullException>("update", "An update is required"));
    }

    [Test]
    public void AssertUpdate_rejects_an_update_that_sets_nothing()
    {
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate(), "update"), Rejected.As<ArgumentException>("update", "sets no field, so it would change nothing"));
    }

    [Test]
    public void A_name_type_or_format_cannot_be_removed()
    {
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Name = null }, "update"), Rejected.As<ArgumentNullException>("update.Name", "A report's name cannot be removed"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Type = null }, "update"), Rejected.As<ArgumentNullException>("update.Type", "A report's type cannot be removed"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Format = null }, "update"), Rejected.As<ArgumentNullException>("update.Format", "A report's format cannot be removed"));
    }

    [Test]
    public void A_name_type_or_format_set_must_be_valid()
    {
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Name = "" }, "update"), Rejected.As<ArgumentException>("update.Name", "The report name is empty"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Type = default(ReportType) }, "update"), Rejected.As<ArgumentException>("update.Type", "The ReportType is not set"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Format = default(ReportFormat) }, "update"), Rejected.As<ArgumentException>("update.Format", "The ReportFormat is not set"));
    }

    [Test]
    public void A_schedule_filters_or_destination_set_must_be_valid()
    {
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Schedule = "@daily" }, "update"), Rejected.As<ArgumentException>("update.Schedule", "Write \"0 0 * * *\" instead"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Filters = new ReportFilters { Products = [default] } }, "update"), Rejected.As<ArgumentException>("update.Filters.Products[0]", "The ReportProduct is not set"));
        Assert.That(() => Argument.AssertUpdate(new ReportUpdate { Destination = new GcsDestination("Acme", "", "") }, "update"), Rejected.As<ArgumentException>("update.Destination.ServiceAccountEmail", "The GCS service account e-mail is empty"));
    }

    [TestCase("schedule")]
    [TestCase("name")]
    [TestCase("type")]
    [TestCase("filters")]
    [TestCase("format")]
    [TestCase("destination")]
    public void An_additional_property_may_not_shadow_a_modelled_field(string key)
    {
        Assert.That(() => Argument.AssertUpdate(WithExtra(key), "update"), Rejected.As<ArgumentException>("update.AdditionalProperties", $"\"{key}\" has the name of the modelled field"));
    }

    [Test]
    public void A_shadowing_property_is_caught_alongside_the_field_it_shadows()
    {
        var update = new ReportUpdate { Schedule = null };
        update.AdditionalProperties["schedule"] = JsonDocument.Parse("\"0 9 * * MON\"").RootElement;

        Assert.That(() => Argument.AssertUpdate(update, "update"), Rejected.As<ArgumentException>("update.AdditionalProperties", "set ReportUpdate.Schedule instead"));
    }

    [Test]
    public void A_report_the_service_returned_is_written_back_whatever_the_client_would_refuse_of_its_own()
    {
        // The service accepted all of this once: a 200-character name, a non-standard schedule, a
        // webhook whose secret is "" and a key that is "Name" beside "name".
        var report = ReportsModelFactory.Report(
            name: new string('n', 200),
            schedule: "0 0 L * *",
            destination: new WebhookDestination(new Uri("https://hooks.acme.com/r"), ""),
            additionalProperties: new Dictionary<string, JsonElement> { ["Name"] = JsonDocument.Parse("1").RootElement });

        var update = ReportUpdate.FromReport(report);

        Assert.That(() => Argument.AssertUpdate(update, "update"), Throws.Nothing);
        Assert.That(update.ChangedFields, Is.EquivalentTo(new[] { "Name", "Type", "Schedule", "Format", "Destination", "Name" }));
    }

    [Test]
    public void A_field_assigned_after_FromReport_is_checked_again()
    {
        var update = ReportUpdate.FromReport(ReportsModelFactory.Report(schedule: "0 0 L * *"));
        update.Schedule = "@daily";

        Assert.That(() => Argument.AssertUpdate(update, "update"), Rejected.As<ArgumentException>("update.Schedule", "Write \"0 0 * * *\" instead"));
    }

    private static ReportUpdate WithExtra(string key)
    {
        var update = new ReportUpdate();
        update.AdditionalProperties[key] = JsonDocument.Parse("30").RootElement;
        return update;
    }

    private static Report PublishedReport() => new()
    {
        Id = "rep_01HX2K3PQ4M5",
        Name = "weekly-traffic",
        Type = ReportType.Traffic,
        Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
        Schedule = "0 9 * * MON",
        Format = ReportFormat.Csv,
        Destination = new EmailDestination("ops@acme.com"),
    };
}
