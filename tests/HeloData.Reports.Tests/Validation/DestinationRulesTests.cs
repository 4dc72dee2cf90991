using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Validation;

namespace HeloData.Reports.Tests.Validation;

/// <summary>
/// Email and webhook destinations, checked through <see cref="Argument.AssertNewReport"/> so the
/// blamed member is the full path a caller sees. Buckets: <see cref="BucketRulesTests"/>.
/// </summary>
public sealed class DestinationRulesTests
{
    private const string Secret = "whsec_TOPSECRET_4f9a";

    [TestCase("ops@acme.com")]
    [TestCase("first.last+reports@eu.acme.co.uk")]
    [TestCase("OPS@ACME.COM")]
    public void Email_accepts_a_bare_address(string email)
    {
        Assert.That(() => Check(new EmailDestination(email)), Throws.Nothing);
    }

    [TestCase("ops", "\"ops\" is not a valid email address")]
    [TestCase("", "\"\" is not a valid email address")]
    [TestCase("ops@acme..com", "is not a valid email address")]
    [TestCase("Ops <ops@acme.com>", "\"Ops <ops@acme.com>\" is not one bare address (it reads as \"ops@acme.com\")")]
    [TestCase(" ops@acme.com", "is not one bare address")]
    [TestCase("ops@acme.com, cfo@acme.com", "is not one bare address")]
    [TestCase("ops@localhost", "\"ops@localhost\" has no dot in its domain \"localhost\"")]
    public void Email_rejects(string email, string message)
    {
        Assert.That(() => Check(new EmailDestination(email)), Rejected.As<ArgumentException>("report.Destination.Email", message));
    }

    [TestCase("https://hooks.acme.com/reports")]
    [TestCase("HTTPS://hooks.acme.com:8443/reports?tenant=7")]
    [TestCase("http://localhost:5000/hook")]
    [TestCase("http://127.0.0.1/hook")]
    [TestCase("http://127.8.9.10/hook")]
    [TestCase("http://[::1]:8080/hook")]
    public void Webhook_accepts_https_or_plain_http_to_loopback(string url)
    {
        Assert.That(() => Check(new WebhookDestination(new Uri(url), Secret)), Throws.Nothing);
    }

    [TestCase("http://hooks.acme.com/reports", "\"http://hooks.acme.com/reports\" uses http; reports are delivered only over https")]
    [TestCase("http://localhost.acme.com/reports", "uses http")]
    [TestCase("http://0.0.0.0/reports", "uses http")]
    [TestCase("ftp://files.acme.com/reports", "uses the scheme \"ftp\"; a webhook URL must be https")]
    [TestCase("https://bot:hunter2@hooks.acme.com/reports", "\"https://***@hooks.acme.com/reports\" carries a user name or password")]
    public void Webhook_rejects_url(string url, string message)
    {
        Assert.That(() => Check(new WebhookDestination(new Uri(url), Secret)), Rejected.As<ArgumentException>("report.Destination.Url", message));
    }

    [Test]
    public void Webhook_rejects_a_relative_url()
    {
        var relative = new WebhookDestination(new Uri("/hooks/reports", UriKind.Relative), Secret);

        Assert.That(() => Check(relative), Rejected.As<ArgumentException>("report.Destination.Url", "\"/hooks/reports\" is relative; it must be an absolute https URL"));
    }

    [Test]
    public void Webhook_needs_a_signing_secret()
    {
        var hook = new Uri("https://hooks.acme.com/reports");

        Assert.That(() => Check(new WebhookDestination(hook, null)), Rejected.As<ArgumentNullException>("report.Destination.SigningSecret", "needs a signing secret"));
        Assert.That(() => Check(new WebhookDestination(hook, "")), Rejected.As<ArgumentException>("report.Destination.SigningSecret", "signing secret is empty or blank"));
        Assert.That(() => Check(new WebhookDestination(hook, " \t ")), Rejected.As<ArgumentException>("report.Destination.SigningSecret", "signing secret is empty or blank"));
    }

    [TestCase("http://hooks.acme.com/reports?sig=" + Secret)]
    [TestCase("ftp://files.acme.com/reports#" + Secret)]
    [TestCase("https://bot:" + Secret + "@hooks.acme.com/reports")]
    [TestCase("https://" + Secret + "@hooks.acme.com/reports")]
    [TestCase("/hooks/reports?sig=" + Secret)]
    public void A_secret_never_appears_in_a_message_even_when_pasted_into_the_url(string url)
    {
        var destination = new WebhookDestination(new Uri(url, UriKind.RelativeOrAbsolute), Secret);

        Assert.That(() => Check(destination), Throws.InstanceOf<ArgumentException>().With.Message.Not.Contains(Secret));
    }

    [TestCase(" ")]
    [TestCase("")]
    public void A_blank_secret_is_not_echoed(string secret)
    {
        var destination = new WebhookDestination(new Uri("https://hooks.acme.com/reports"), secret);

        Assert.That(() => Check(destination), Throws.ArgumentException.With.Message.Not.Contains($"\"{secret}\""));
    }

    [Test]
    public void An_unknown_destination_is_left_to_the_service()
    {
        var unknown = new UnknownDestination(JsonDocument.Parse("""{"type":"azure_blob","container":"NOT A VALID NAME"}""").RootElement);

        Assert.That(() => Check(unknown), Throws.Nothing);
    }

    [Test]
    public void An_update_blames_the_same_member_under_its_own_parameter()
    {
        var update = new ReportUpdate { Destination = new WebhookDestination(new Uri("http://hooks.acme.com/reports"), Secret) };

        Assert.That(() => Argument.AssertUpdate(update, "update"), Rejected.As<ArgumentException>("update.Destination.Url", "uses http"));
    }

    private static void Check(ReportDestination destination) =>
        Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Destination = destination }, "report");
}
