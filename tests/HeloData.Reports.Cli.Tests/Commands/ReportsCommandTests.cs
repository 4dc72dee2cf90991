using System.Text.Json.Nodes;
using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary><c>reports list|get|create|update|delete</c> against the sandbox, parsed → SDK → output.</summary>
public sealed class ReportsCommandTests
{
    private ReportsSandbox _sandbox = null!;

    [SetUp]
    public void SetUp() => _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });

    [TearDown]
    public void TearDown() => _sandbox.Dispose();

    [Test]
    public async Task Create_prints_a_summary_and_the_report_exists()
    {
        var result = await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "weekly-traffic", "--type", "traffic", "--format", "csv", "--schedule", "0 9 * * MON", "--product", "residential", "--product", "mobile");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Match(@"(?m)^id\s+rep_\w+$"));
        Assert.That(result.Out, Does.Match(@"(?m)^products\s+residential, mobile$"));
        Assert.That(result.Out, Does.Match(@"(?m)^schedule\s+0 9 \* \* MON \(UTC\)$"));
        Assert.That(_sandbox.ReportCount, Is.EqualTo(1));
        Assert.That(result.Error, Is.Empty, "nothing to say on stderr when all went well");
    }

    [Test]
    public async Task Create_and_get_with_json_print_exactly_the_services_JSON()
    {
        var created = await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "n", "--type", "invoices", "--format", "parquet", "--json");
        var id = created.Json["id"]!.GetValue<string>();
        var got = await CliHarness.RunAsync(_sandbox, "reports", "get", id, "--json");
        var raw = await CliHarness.GetRawAsync(_sandbox, $"reports/{id}");

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(got.ExitCode, Is.Zero, got.ToString());
        CliHarness.AssertSameDocument(got.Json, raw);
        CliHarness.AssertSameDocument(created.Json, raw);
        Assert.That(created.Json["type"]!.GetValue<string>(), Is.EqualTo("invoices"));
        Assert.That(created.Json["format"]!.GetValue<string>(), Is.EqualTo("parquet"));
    }

    [TestCase(new[] { "--email", "ops@acme.com" }, "email", "email")]
    [TestCase(new[] { "--webhook-url", "https://hooks.acme.com/in" }, "webhook", "url")]
    [TestCase(new[] { "--s3-bucket", "exports", "--s3-prefix", "helo/", "--s3-role-arn", "arn:aws:iam::123456789012:role/helo" }, "s3", "role_arn")]
    [TestCase(new[] { "--gcs-bucket", "exports", "--gcs-prefix", "helo/", "--gcs-service-account", "helo@acme.iam.gserviceaccount.com" }, "gcs", "service_account_email")]
    public async Task Each_destination_is_sent_whole(string[] destination, string type, string field)
    {
        var result = await CliHarness.RunAsync(WithWebhookSecret(), ["reports", "create", "--name", "d", "--type", "traffic", "--format", "csv", .. destination, "--json"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["destination"]!["type"]!.GetValue<string>(), Is.EqualTo(type));
        Assert.That(result.Json["destination"]![field], Is.Not.Null, result.Out);
    }

    [Test]
    public async Task The_summary_never_shows_a_webhook_signing_secret()
    {
        var result = await CliHarness.RunAsync(WithWebhookSecret(), ["reports", "create", "--name", "d", "--type", "traffic", "--format", "csv", "--webhook-url", "https://hooks.acme.com/in?token=t0k"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("webhook hooks.acme.com"));
        Assert.That(result.Out, Does.Not.Contain("whsec_").And.Not.Contain("t0k"));
    }

    [TestCase("file")]
    [TestCase("stdin")]
    [TestCase("environment")]
    public async Task A_webhook_secret_comes_from_a_file_standard_input_or_the_environment_and_is_sent_not_shown(string source)
    {
        const string Secret = "whsec_c2VudC1idXQtbmV2ZXItc2hvd24=";
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"secret-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, Secret + "\n");
        var environment = source == "environment" ? WithWebhookSecret(Secret) : CliHarness.Environment(_sandbox);
        string[] given = source switch { "file" => ["--webhook-secret-file", file], "stdin" => ["--webhook-secret-file", "-"], _ => [] };

        try
        {
            var result = await CliHarness.RunAsync(
                environment,
                ["reports", "create", "--name", "d", "--type", "traffic", "--format", "csv", "--webhook-url", "https://hooks.acme.com/in", .. given],
                stdin: Secret + "\n");

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            var sent = JsonNode.Parse(_sandbox.Requests.Single(r => r.Method == "POST").Body!)!["destination"]!;
            Assert.That(sent["signing_secret"]!.GetValue<string>(), Is.EqualTo(Secret), "the secret as given, without the file's line break");
            Assert.That(result.Out + result.Error, Does.Not.Contain(Secret));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_webhook_secret_given_as_an_argument_is_refused_without_showing_it_and_nothing_is_sent()
    {
        const string Secret = "whsec_d2FzLWluLXRoZS1hcmd1bWVudHM=";

        var result = await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "d", "--type", "traffic", "--format", "csv", "--webhook-url", "https://hooks.acme.com/in", "--webhook-secret", Secret);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--webhook-secret-file").And.Contain("HELODATA_WEBHOOK_SECRET").And.Contain("process listings"));
        Assert.That(result.Out + result.Error, Does.Not.Contain(Secret));
        Assert.That(_sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Standard_input_is_read_for_one_secret_only()
    {
        var environment = CliHarness.Environment(_sandbox);
        environment.Remove("HELODATA_API_KEY");

        var result = await CliHarness.RunAsync(
            environment,
            ["reports", "create", "--name", "d", "--type", "traffic", "--format", "csv", "--webhook-url", "https://hooks.acme.com/in", "--webhook-secret-file", "-", "--api-key-file", "-"],
            stdin: _sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--webhook-secret-file").And.Contain("already read for --api-key-file"));
        Assert.That(result.Out + result.Error, Does.Not.Contain(_sandbox.ApiKey));
        Assert.That(_sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task List_prints_a_table_and_with_json_an_array_of_the_services_report_objects()
    {
        var first = (await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "alpha", "--type", "traffic", "--format", "csv", "--json")).Json["id"]!.GetValue<string>();
        var second = (await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "beta", "--type", "requests", "--format", "tsv", "--json")).Json["id"]!.GetValue<string>();

        var table = await CliHarness.RunAsync(_sandbox, "reports", "list");
        var json = await CliHarness.RunAsync(_sandbox, "reports", "list", "--json");

        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0], Does.StartWith("ID").And.Contain("NAME"));
        Assert.That(table.Out, Does.Contain(first).And.Contain(second).And.Contain("alpha").And.Contain("beta"));
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        var array = json.Json.AsArray();
        Assert.That(array.Select(r => r!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { first, second }));
        CliHarness.AssertSameDocument(array.Single(r => r!["id"]!.GetValue<string>() == first), await CliHarness.GetRawAsync(_sandbox, $"reports/{first}"));
    }

    [Test]
    public async Task List_with_no_reports_says_so()
    {
        var result = await CliHarness.RunAsync(_sandbox, "reports", "list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out.Trim(), Is.EqualTo("No reports."));
    }

    [Test]
    public async Task Update_sends_only_what_was_given_as_a_merge_patch()
    {
        var id = (await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "n", "--type", "traffic", "--format", "csv", "--schedule", "0 9 * * MON", "--json")).Json["id"]!.GetValue<string>();
        _sandbox.ClearRequests();

        var result = await CliHarness.RunAsync(_sandbox, "reports", "update", id, "--name", "renamed", "--no-schedule", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var patch = _sandbox.Requests.Single(r => r.Method == "PATCH");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(patch.Body!), JsonNode.Parse("""{"name":"renamed","schedule":null}""")), Is.True, patch.Body);
        Assert.That(result.Json["name"]!.GetValue<string>(), Is.EqualTo("renamed"));
        Assert.That(result.Json["schedule"], Is.Null);
    }

    [Test]
    public async Task Update_changes_schedule_format_products_and_destination()
    {
        var id = (await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "n", "--type", "traffic", "--format", "csv", "--json")).Json["id"]!.GetValue<string>();

        var result = await CliHarness.RunAsync(_sandbox, "reports", "update", id, "--schedule", "30 6 1 * *", "--format", "json", "--product", "isp", "--email", "bi@acme.com", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["schedule"]!.GetValue<string>(), Is.EqualTo("30 6 1 * *"));
        Assert.That(result.Json["format"]!.GetValue<string>(), Is.EqualTo("json"));
        Assert.That(result.Json["filters"]!["products"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "isp" }));
        Assert.That(result.Json["destination"]!["email"]!.GetValue<string>(), Is.EqualTo("bi@acme.com"));
    }

    [Test]
    public async Task Delete_removes_the_report_and_a_get_then_fails_with_not_found()
    {
        var id = (await CliHarness.RunAsync(_sandbox, "reports", "create", "--name", "n", "--type", "traffic", "--format", "csv", "--json")).Json["id"]!.GetValue<string>();

        var deleted = await CliHarness.RunAsync(_sandbox, "reports", "delete", id);
        var got = await CliHarness.RunAsync(_sandbox, "reports", "get", id);

        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(deleted.Out.Trim(), Is.EqualTo($"Deleted report {id}"));
        Assert.That(_sandbox.ReportCount, Is.Zero);
        Assert.That(got.ExitCode, Is.EqualTo(3), got.ToString());
        Assert.That(got.Out, Is.Empty, "a failure prints nothing on stdout");
    }

    private Dictionary<string, string> WithWebhookSecret(string secret = "whsec_abcdefghijklmnopqrstuvwx")
    {
        var environment = CliHarness.Environment(_sandbox);
        environment["HELODATA_WEBHOOK_SECRET"] = secret;
        return environment;
    }
}
