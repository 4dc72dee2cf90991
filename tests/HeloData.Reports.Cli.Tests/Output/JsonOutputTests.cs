using System.Text.Json.Nodes;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli.Tests.Output;

/// <summary><c>--json</c> for a service that sends a webhook's signing secret back (the sandbox never does).</summary>
public sealed class JsonOutputTests
{
    private const string Secret = "whsec_c2VudC1iYWNrLWJ5LXRoZS1zZXJ2aWNl";

    private static readonly Report WebhookReport = ReportsModelFactory.Report(
        id: "rep_1", destination: new WebhookDestination(new Uri("https://hooks.acme.com/in"), Secret));

    [Test]
    public void A_report_is_printed_without_its_webhook_signing_secret()
    {
        var output = new StringWriter();

        JsonOutput.Write(output, ReportsJson.Serialize(WebhookReport));

        Assert.That(output.ToString(), Does.Not.Contain(Secret));
        var destination = JsonNode.Parse(output.ToString())!["destination"]!;
        Assert.That(destination["url"]!.GetValue<string>(), Is.EqualTo("https://hooks.acme.com/in"));
        Assert.That(destination.AsObject().ContainsKey("signing_secret"), Is.False);
    }

    [Test]
    public void A_list_is_printed_without_any_webhook_signing_secret()
    {
        var output = new StringWriter();

        JsonOutput.WriteReports(output, [WebhookReport, WebhookReport]);

        Assert.That(output.ToString(), Does.Not.Contain(Secret));
        Assert.That(JsonNode.Parse(output.ToString())!.AsArray(), Has.Count.EqualTo(2));
    }
}
