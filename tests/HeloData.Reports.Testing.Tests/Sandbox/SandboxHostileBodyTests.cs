using HeloData.Reports.Testing.Tests.Support;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The sandbox stands in for a service, so a body a client should never send still gets a 4xx with the
/// contract's error body, never a 500 or a dropped connection: the sandbox's own request parsing is
/// tested against a hostile peer like the SDK's response parsing is.
/// </summary>
public sealed class SandboxHostileBodyTests
{
    private const string Valid = """{"name":"r","type":"traffic","format":"csv"}""";

    [TestCase("")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("\"report\"")]
    [TestCase("{")]
    [TestCase("<html><body>502</body></html>")]
    [TestCase("""{"name":5,"type":"traffic","format":"csv"}""")]
    [TestCase("""{"name":"r","type":["traffic"],"format":"csv"}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","filters":"residential"}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","filters":{"products":[1]}}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","schedule":5}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":[]}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":"ops@acme.com"}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":{"type":5}}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":{"type":"webhook","url":5,"signing_secret":"s"}}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":{"type":"webhook","url":"/hooks","signing_secret":"s"}}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":{"type":"webhook","url":"file:///etc/passwd","signing_secret":"s"}}""")]
    [TestCase("""{"name":"r","type":"traffic","format":"csv","destination":{"type":"s3","bucket":"acme-reports","prefix":7,"role_arn":"arn:aws:iam::123456789012:role/w"}}""")]
    public async Task A_malformed_create_is_a_4xx_with_an_error_body(string body)
    {
        using var sandbox = ReportsSandbox.Start();
        using var http = new SandboxHttp(sandbox);

        var (status, error, _) = await http.PostAsync("reports", body);

        Assert.That(status, Is.InRange(400, 499), error?.ToJsonString());
        Assert.That((string?)error?["error"]?["code"], Is.AnyOf("bad_request", "validation_failed"));
    }

    [TestCase("[]")]
    [TestCase("""{"destination":{"type":"webhook","url":5}}""")]
    [TestCase("""{"destination":{"type":"webhook","url":"/hooks","signing_secret":"s"}}""")]
    [TestCase("""{"schedule":["0 9 * * MON"]}""")]
    public async Task A_malformed_update_is_a_4xx_with_an_error_body(string patch)
    {
        using var sandbox = ReportsSandbox.Start();
        using var http = new SandboxHttp(sandbox);
        var id = await http.CreateAsync(Valid);

        var (status, error, _) = await http.PatchAsync($"reports/{id}", patch);

        Assert.That(status, Is.InRange(400, 499), error?.ToJsonString());
        Assert.That((string?)error?["error"]?["code"], Is.AnyOf("bad_request", "validation_failed"));
    }
}
