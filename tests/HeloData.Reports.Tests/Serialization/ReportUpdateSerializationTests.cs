using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>Merge-patch (RFC 7396): "leave unchanged" is absent, "set to null" is <c>null</c>.</summary>
public sealed class ReportUpdateSerializationTests
{
    [Test]
    public void An_untouched_update_is_an_empty_object()
    {
        var update = new ReportUpdate();

        Assert.That(Json.Serialize(update), Is.EqualTo("{}"));
        Assert.That(update.ChangedFields, Is.Empty);
    }

    [Test]
    public void Clearing_the_schedule_sends_exactly_schedule_null()
    {
        var update = new ReportUpdate { Schedule = null };

        Assert.That(Json.Serialize(update), Is.EqualTo("""{"schedule":null}"""));
        Assert.That(update.ChangedFields, Is.EqualTo(new[] { "Schedule" }));
    }

    [Test]
    public void Only_assigned_fields_are_sent_each_replacing_the_old_value_whole()
    {
        var update = new ReportUpdate
        {
            Schedule = "0 6 * * *",
            Format = ReportFormat.Parquet,
            Destination = new S3Destination("acme", "in/", "arn:aws:iam::123456789012:role/w"),
        };

        Assert.That(
            Json.Serialize(update),
            Is.EqualTo("""{"schedule":"0 6 * * *","format":"parquet","destination":{"type":"s3","bucket":"acme","prefix":"in/","role_arn":"arn:aws:iam::123456789012:role/w"}}"""));
    }

    [Test]
    public void Every_field_can_be_set_and_each_can_be_nulled()
    {
        var set = new ReportUpdate
        {
            Name = "n",
            Type = ReportType.Invoices,
            Filters = new ReportFilters { Products = [ReportProduct.Isp] },
            Schedule = "0 0 1 * *",
            Format = ReportFormat.Tsv,
            Destination = new EmailDestination("a@b.co"),
        };
        var nulled = new ReportUpdate { Name = null, Type = null, Filters = null, Schedule = null, Format = null, Destination = null };

        Json.AssertEqual(
            Json.Serialize(set),
            """{"name":"n","type":"invoices","filters":{"products":["isp"]},"schedule":"0 0 1 * *","format":"tsv","destination":{"type":"email","email":"a@b.co"}}""");
        Assert.That(
            Json.Serialize(nulled),
            Is.EqualTo("""{"name":null,"type":null,"filters":null,"schedule":null,"format":null,"destination":null}"""));
    }

    [Test]
    public void Additional_properties_are_sent_as_given()
    {
        var update = new ReportUpdate { Name = "x" };
        update.AdditionalProperties["timezone_hint"] = JsonDocument.Parse("\"Europe/Berlin\"").RootElement;

        Assert.That(Json.Serialize(update), Is.EqualTo("""{"name":"x","timezone_hint":"Europe/Berlin"}"""));
        Assert.That(update.ChangedFields, Is.EqualTo(new[] { "Name", "timezone_hint" }));
    }

    [Test]
    public void FromReport_copies_writable_fields_and_leaves_read_only_ones_out()
    {
        var report = Json.Deserialize<Report>(ContractDocuments.ContractReport);

        var update = ReportUpdate.FromReport(report);

        Json.AssertEqual(
            Json.Serialize(update),
            """{"name":"weekly-traffic","type":"traffic","filters":{"products":["residential","mobile"]},"schedule":"0 9 * * MON","format":"csv","destination":{"type":"email","email":"ops@acme.com"}}""");
    }

    [Test]
    public void FromReport_leaves_out_what_the_report_does_not_carry_so_nothing_is_erased()
    {
        var report = Json.Deserialize<Report>("""{"id":"rep_1","schedule":null}""");

        Assert.That(Json.Serialize(ReportUpdate.FromReport(report)), Is.EqualTo("""{"schedule":null}"""));
    }

    [Test]
    public void FromReport_leaves_out_a_webhook_read_without_its_secret_so_the_secret_is_not_erased()
    {
        var withoutSecret = Json.Deserialize<Report>("""{"id":"rep_1","name":"n","destination":{"type":"webhook","url":"https://h.example/x"}}""");
        var withSecret = Json.Deserialize<Report>("""{"id":"rep_1","name":"n","destination":{"type":"webhook","url":"https://h.example/x","signing_secret":"s"}}""");

        Assert.That(ReportUpdate.FromReport(withoutSecret).ChangedFields, Does.Not.Contain("Destination"));
        Assert.That(ReportUpdate.FromReport(withSecret).ChangedFields, Does.Contain("Destination"));
    }

    [Test]
    public void ToString_names_the_fields_not_their_values()
    {
        var update = new ReportUpdate { Name = "n", Destination = new WebhookDestination(new Uri("https://h.example"), "whsec_x") };

        Assert.That(update.ToString(), Is.EqualTo("update of {Name, Destination}"));
    }
}
