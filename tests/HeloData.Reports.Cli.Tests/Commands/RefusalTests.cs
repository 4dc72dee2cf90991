using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>Exit code 2: bad usage or input refused before any request, with a message naming the option, and nothing sent.</summary>
public sealed class RefusalTests
{
    private static readonly string[] Create = ["reports", "create", "--name", "n", "--type", "traffic", "--format", "csv"];

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return Case("--schedule", [.. Create, "--schedule", "0 9 * *"]).SetName("a schedule with four fields");
        yield return Case("--schedule", [.. Create, "--schedule", "0 0 9 * * MON"]).SetName("a schedule with a seconds field");
        yield return Case("--schedule", [.. Create, "--schedule", "@weekly"]).SetName("a cron macro");
        yield return Case("--schedule", [.. Create, "--schedule", "0 0 30 2 *"]).SetName("a schedule that never fires");
        yield return Case("--s3-role-arn", [.. Create, "--s3-bucket", "b", "--s3-prefix", "p/"]).SetName("an S3 destination without its role");
        yield return Case("--webhook-secret-file", [.. Create, "--webhook-url", "https://h.example.com/in"]).SetName("a webhook without its secret");
        yield return Case("--webhook-url", [.. Create, "--webhook-secret-file", "/no/such/secret"]).SetName("a webhook secret without its URL");
        yield return Case("--webhook-secret-file", [.. Create, "--webhook-url", "https://h.example.com/in", "--webhook-secret-file", "/no/such/secret"]).SetName("a webhook secret file that cannot be read");
        yield return Case("--gcs-prefix", [.. Create, "--gcs-bucket", "b", "--gcs-service-account", "a@b.iam.gserviceaccount.com"]).SetName("a GCS destination without its prefix");
        yield return Case("--email", [.. Create, "--email", "a@b.com", "--s3-bucket", "b", "--s3-prefix", "p", "--s3-role-arn", "r"]).SetName("two destinations");
        yield return Case("--webhook-url", [.. Create, "--webhook-url", "not a url", "--webhook-secret-file", "/no/such/secret"]).SetName("a webhook URL that is not one");
        yield return Case("--name", ["reports", "create", "--type", "traffic", "--format", "csv"]).SetName("create without a name");
        yield return Case("--from", ["reports", "run", "rep_1", "--from", "2026-02-30"]).SetName("a date that does not exist");
        yield return Case("--to", ["reports", "run", "rep_1", "--to", "31/05/2026"]).SetName("a date in another layout");
        yield return Case("--from", ["reports", "run", "rep_1", "--from", "2026-06-01", "--to", "2026-05-01"]).SetName("a window that ends before it starts");
        yield return Case("--timeout", ["reports", "run", "rep_1", "--wait", "--timeout", "soon"]).SetName("a timeout that is not a duration");
        yield return Case("--timeout", ["reports", "run", "rep_1", "--timeout", "5m"]).SetName("a timeout without a wait");
        yield return Case("--timeout", ["runs", "wait", "run_1", "--timeout", "999999999h"]).SetName("a timeout past TimeSpan's range");
        yield return Case("--download", ["reports", "run", "rep_1", "--download", "/no/such/folder/out.csv"]).SetName("a download into a folder that does not exist");
        yield return Case("--output", ["runs", "download", "run_1", "-o", "/no/such/folder/out.csv"]).SetName("runs download into a folder that does not exist");
        yield return Case("--no-schedule", ["reports", "update", "rep_1", "--schedule", "0 9 * * MON", "--no-schedule"]).SetName("a schedule and no schedule");
        yield return Case("--name", ["reports", "update", "rep_1"]).SetName("an update with nothing to change");
        yield return Case("--count", ["schedule", "next", "0 9 * * MON", "--count", "0"]).SetName("schedule next with a count of 0");
        yield return Case("--count", ["schedule", "next", "0 9 * * MON", "--count", "abc"]).SetName("schedule next with a count that is not a number");
        yield return Case("--timeout", ["runs", "wait", "run_1", "--timeout", "soon"]).SetName("a wait timeout that is not a duration");
        yield return Case("--time-zone", ["schedule", "next", "0 9 * * MON", "--time-zone", "Mars/Olympus_Mons"]).SetName("schedule next in an unknown zone");
        yield return Case("cron", ["schedule", "next", "0 9 * * MON *"]).SetName("schedule next with a year field");
        yield return Case("<report-id>", ["reports", "get"]).SetName("get without an id");
        yield return Case("--frobnicate", ["reports", "list", "--frobnicate"]).SetName("an unknown option");

        static TestCaseData Case(string named, string[] args) => new(named, args);
    }

    [TestCaseSource(nameof(Refused))]
    [TestCaseSource(typeof(CollectRefusalTests), nameof(CollectRefusalTests.Refused))]
    public async Task Is_refused_with_exit_code_2_naming_the_option_and_sends_nothing(string named, string[] args)
    {
        using var sandbox = ReportsSandbox.Start();

        var result = await CliHarness.RunAsync(sandbox, args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(named), "the message names what to fix");
        Assert.That(result.Error, Does.Not.Contain("(Parameter '"), "a .NET parameter name means nothing on a command line");
        Assert.That(result.Out, Is.Empty);
        Assert.That(sandbox.Requests, Is.Empty, "refused before any request");
    }

    [Test]
    public async Task Without_a_key_it_says_where_to_put_one_and_sends_nothing()
    {
        using var sandbox = ReportsSandbox.Start();
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = sandbox.ApiBaseAddress.ToString() };

        var result = await CliHarness.RunAsync(environment, ["reports", "list"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("HELODATA_API_KEY").And.Contain("--api-key-file"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task A_key_file_that_cannot_be_read_is_named()
    {
        using var sandbox = ReportsSandbox.Start();

        var result = await CliHarness.RunAsync(sandbox, "reports", "list", "--api-key-file", "/no/such/key");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--api-key-file").And.Contain("/no/such/key"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task A_plain_http_base_address_off_the_machine_is_refused_naming_the_variable()
    {
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = "http://api.example.com/v1/", ["HELODATA_API_KEY"] = "hd_key" };

        var result = await CliHarness.RunAsync(environment, ["reports", "list"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("HELODATA_BASE_URL").And.Contain("https"));
        Assert.That(result.Error.TrimEnd(), Does.Not.Contain("(Parameter 'options')").And.EndWith("in clear text."));
        Assert.That(result.Error, Does.Not.Contain("hd_key"));
    }
}
