using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Validation;

/// <summary>
/// Destinations, checked through <see cref="Argument.AssertNewReport"/> so the blamed member is the full
/// path a caller sees: every field the page lists must be there, and a webhook URL must be absolute
/// https or http. Nothing more: e-mail, bucket and ARN syntax are the service's to judge.
/// </summary>
public sealed class DestinationRulesTests
{
    private const string Secret = "whsec_TOPSECRET_4f9a";

    [TestCase("ops@acme.com")]
    [TestCase("ops@localhost", Description = "no dot in the domain: the service judges")]
    [TestCase("Ops <ops@acme.com>")]
    [TestCase("not an address")]
    public void An_email_destination_needs_only_a_non_empty_address(string email)
    {
        Assert.That(() => Check(new EmailDestination(email)), Throws.Nothing);
    }

    [Test]
    public void An_empty_email_is_a_missing_one()
    {
        Assert.That(() => Check(new EmailDestination("")), Rejected.As<ArgumentException>("report.Destination.Email", "The email address is empty"));
    }

    [TestCase("https://hooks.acme.com/reports")]
    [TestCase("HTTPS://hooks.acme.com:8443/reports?tenant=7")]
    [TestCase("http://hooks.acme.com/reports", Description = "plain http: the page does not rule it out")]
    [TestCase("http://localhost:5000/hook")]
    [TestCase("https://bot:hunter2@hooks.acme.com/reports", Description = "user info: the service judges")]
    public void A_webhook_url_is_any_absolute_https_or_http_url(string url)
    {
        Assert.That(() => Check(new WebhookDestination(new Uri(url), Secret)), Throws.Nothing);
    }

    [TestCase("ftp://files.acme.com/reports", "uses the scheme \"ftp\"; it must be an absolute https or http URL")]
    [TestCase("file:///etc/hooks", "uses the scheme \"file\"")]
    [TestCase("/hooks/reports", "The webhook URL is relative")]
    public void A_webhook_url_that_is_not_absolute_https_or_http_is_refused(string url, string message)
    {
        var destination = new WebhookDestination(new Uri(url, UriKind.RelativeOrAbsolute), Secret);

        Assert.That(() => Check(destination), Rejected.As<ArgumentException>("report.Destination.Url", message));
    }

    [Test]
    public void A_webhook_needs_a_signing_secret_to_be_sent()
    {
        var hook = new Uri("https://hooks.acme.com/reports");

        Assert.That(() => Check(new WebhookDestination(hook, null)), Rejected.As<ArgumentException>("report.Destination.SigningSecret", "The signing secret is missing"));
        Assert.That(() => Check(new WebhookDestination(hook, "")), Rejected.As<ArgumentException>("report.Destination.SigningSecret", "The signing secret is empty"));
        Assert.That(() => Check(new WebhookDestination(hook, " ")), Throws.Nothing, "a blank secret is the service's to judge");
    }

    [TestCase("Bad_Bucket..name", "", "not-an-arn")]
    [TestCase("192.168.1.1", "/leading/slash", "arn:aws-cn:iam::12:role/x")]
    public void S3_fields_are_only_required_to_be_there(string bucket, string prefix, string roleArn)
    {
        Assert.That(() => Check(new S3Destination(bucket, prefix, roleArn)), Throws.Nothing);
    }

    [Test]
    public void S3_and_gcs_fields_the_page_lists_may_not_be_empty_except_the_prefix()
    {
        Assert.That(() => Check(new S3Destination("", "in/", "arn")), Rejected.As<ArgumentException>("report.Destination.Bucket", "The S3 bucket is empty"));
        Assert.That(() => Check(new S3Destination("b", "in/", "")), Rejected.As<ArgumentException>("report.Destination.RoleArn", "The S3 role ARN is empty"));
        Assert.That(() => Check(new GcsDestination("", "in/", "w@p.iam")), Rejected.As<ArgumentException>("report.Destination.Bucket", "The GCS bucket is empty"));
        Assert.That(() => Check(new GcsDestination("Google", "", "")), Rejected.As<ArgumentException>("report.Destination.ServiceAccountEmail", "The GCS service account e-mail is empty"));
        Assert.That(() => Check(new GcsDestination("Google", "", "ops@acme.com")), Throws.Nothing);
    }

    [Test]
    public void Every_field_the_page_lists_is_a_required_constructor_argument()
    {
        Assert.That(() => new S3Destination("b", null!, "arn"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("prefix"));
        Assert.That(() => new S3Destination("b", "", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("roleArn"));
        Assert.That(() => new GcsDestination("b", "", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("serviceAccountEmail"));
        Assert.That(() => new EmailDestination(null!), Throws.ArgumentNullException);
    }

    [TestCase("ftp://files.acme.com/reports#" + Secret)]
    [TestCase("/hooks/reports?sig=" + Secret)]
    public void A_secret_never_appears_in_a_message_even_when_pasted_into_the_url(string url)
    {
        var destination = new WebhookDestination(new Uri(url, UriKind.RelativeOrAbsolute), Secret);

        Assert.That(() => Check(destination), Throws.InstanceOf<ArgumentException>().With.Message.Not.Contains(Secret));
    }

    [Test]
    public void An_unknown_destination_is_left_to_the_service()
    {
        var unknown = new UnknownDestination(JsonDocument.Parse("""{"type":"azure_blob","container":"NOT A VALID NAME"}""").RootElement);
        var reshaped = new UnknownDestination(JsonDocument.Parse("""{"type":"email","emails":["a@b.c"]}""").RootElement);

        Assert.That(() => Check(unknown), Throws.Nothing);
        Assert.That(() => Check(reshaped), Throws.Nothing);
    }

    [Test]
    public void An_update_blames_the_same_member_under_its_own_parameter()
    {
        var update = new ReportUpdate { Destination = new WebhookDestination(new Uri("ftp://hooks.acme.com/reports"), Secret) };

        Assert.That(() => Argument.AssertUpdate(update, "update"), Rejected.As<ArgumentException>("update.Destination.Url", "uses the scheme \"ftp\""));
    }

    private static void Check(ReportDestination destination) =>
        Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Destination = destination }, "report");
}
