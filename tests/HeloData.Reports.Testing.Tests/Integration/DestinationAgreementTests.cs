using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Testing.Tests.Support;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// The client's destination check and the sandbox's are written separately. The client refuses only
/// what the page rules out, so whatever it refuses, the sandbox (standing in for the service) must
/// refuse too; and what the page allows, both take. The sandbox may refuse more (e-mail syntax, bucket
/// names): that is the service's to judge.
/// </summary>
public sealed class DestinationAgreementTests
{
    private const string Arn = "arn:aws:iam::123456789012:role/reports-writer";
    private const string Account = "reports@acme-prod.iam.gserviceaccount.com";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("email", () => new EmailDestination("ops@acme.com"), """{"type":"email","email":"ops@acme.com"}""", bothTake: true);
        yield return Case("email, empty", () => new EmailDestination(""), """{"type":"email","email":""}""");
        yield return Case("webhook, no secret", () => new WebhookDestination(new Uri("https://hooks.acme.com/r"), null), """{"type":"webhook","url":"https://hooks.acme.com/r"}""");
        yield return Case("webhook, empty secret", () => new WebhookDestination(new Uri("https://hooks.acme.com/r"), ""), """{"type":"webhook","url":"https://hooks.acme.com/r","signing_secret":""}""");
        yield return Case("webhook, relative url", () => new WebhookDestination(new Uri("/r", UriKind.Relative), "whsec_1"), """{"type":"webhook","url":"/r","signing_secret":"whsec_1"}""");
        yield return Case("webhook, ftp url", () => new WebhookDestination(new Uri("ftp://hooks.acme.com/r"), "whsec_1"), """{"type":"webhook","url":"ftp://hooks.acme.com/r","signing_secret":"whsec_1"}""");
        yield return Case("s3", () => new S3Destination("acme-reports", "helo/", Arn), $$"""{"type":"s3","bucket":"acme-reports","prefix":"helo/","role_arn":"{{Arn}}"}""", bothTake: true);
        yield return Case("s3, empty prefix", () => new S3Destination("acme-reports", "", Arn), $$"""{"type":"s3","bucket":"acme-reports","prefix":"","role_arn":"{{Arn}}"}""", bothTake: true);
        yield return Case("s3, no prefix", () => new S3Destination("acme-reports", null!, Arn), $$"""{"type":"s3","bucket":"acme-reports","role_arn":"{{Arn}}"}""");
        yield return Case("s3, no role", () => new S3Destination("acme-reports", "helo/", null!), """{"type":"s3","bucket":"acme-reports","prefix":"helo/"}""");
        yield return Case("s3, empty bucket", () => new S3Destination("", "helo/", Arn), $$"""{"type":"s3","bucket":"","prefix":"helo/","role_arn":"{{Arn}}"}""");
        yield return Case("gcs", () => new GcsDestination("acme-reports", "helo/", Account), $$"""{"type":"gcs","bucket":"acme-reports","prefix":"helo/","service_account_email":"{{Account}}"}""", bothTake: true);
        yield return Case("gcs, no account", () => new GcsDestination("acme-reports", "helo/", null!), """{"type":"gcs","bucket":"acme-reports","prefix":"helo/"}""");
        yield return Case("gcs, no prefix", () => new GcsDestination("acme-reports", null!, Account), $$"""{"type":"gcs","bucket":"acme-reports","service_account_email":"{{Account}}"}""");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task What_the_client_refuses_the_sandbox_refuses(Func<ReportDestination> build, string json, bool bothTake)
    {
        using var sandbox = ReportsSandbox.Start();
        using var http = new SandboxHttp(sandbox);
        using var client = sandbox.CreateClient();

        var (status, body, _) = await http.PostAsync("reports", $$"""{"name":"agreement","type":"traffic","format":"csv","destination":{{json}}}""");
        var clientRefusal = await ClientRefusalAsync(client, build);

        Assert.That(status, Is.EqualTo(201).Or.EqualTo(422), body?.ToJsonString());
        if (bothTake)
        {
            Assert.That((clientRefusal, status), Is.EqualTo(((string?)null, 201)), $"sandbox: {body?.ToJsonString()}");
        }
        else
        {
            Assert.That(clientRefusal, Is.Not.Null, "the client took a destination the page rules out");
            Assert.That(status, Is.EqualTo(422), $"the client refused it ({clientRefusal}), the sandbox took it: {body?.ToJsonString()}");
        }
    }

    private static async Task<string?> ClientRefusalAsync(IReportsClient client, Func<ReportDestination> build)
    {
        try
        {
            var report = await client.CreateReportAsync(new NewReport("agreement", ReportType.Traffic, ReportFormat.Csv) { Destination = build() });
            await client.DeleteReportAsync(report.Id);
            return null;
        }
        catch (ArgumentException refused)
        {
            return refused.Message;
        }
    }

    private static TestCaseData Case(string name, Func<ReportDestination> build, string json, bool bothTake = false)
    {
        using var parsed = JsonDocument.Parse(json); // a typo in a case fails here, not as a disagreement
        return new TestCaseData(build, json, bothTake).SetArgDisplayNames(name);
    }
}
