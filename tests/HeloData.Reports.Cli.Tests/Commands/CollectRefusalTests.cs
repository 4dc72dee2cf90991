using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>
/// <c>collect</c>'s bad input: exit code 2, a message naming the option, nothing sent and no secret repeated. The plain
/// refusals run through <see cref="RefusalTests"/>' one test of every command's refusals.
/// </summary>
public sealed class CollectRefusalTests
{
    private const string Password = "hunter2-d0-not-echo";

    /// <summary>Run by <see cref="RefusalTests"/>'s test of every refusal, with the other commands' cases.</summary>
    internal static IEnumerable<TestCaseData> Refused()
    {
        yield return Case("--out", ["collect"]).SetName("collect: no sink at all");
        yield return Case("--since", ["collect", "--out", "o", "--since", "91d"]).SetName("collect: a since past the 90-day retention");
        yield return Case("--since", ["collect", "--out", "o", "--since", "0s"]).SetName("collect: a since of nothing");
        yield return Case("--since", ["collect", "--out", "o", "--since", "a month"]).SetName("collect: a since that is not a duration");
        yield return Case("--since", ["collect", "--out", "o", "--since", "999999999d"]).SetName("collect: a since past TimeSpan's range");
        yield return Case("--poll-interval", ["collect", "--out", "o", "--poll-interval", "500ms"]).SetName("collect: a poll interval under a second");
        yield return Case("--poll-interval", ["collect", "--out", "o", "--poll-interval", "2d"]).SetName("collect: a poll interval over a day");
        yield return Case("--state", ["collect", "--out", "o", "--state", "mysql:db"]).SetName("collect: a state of an unknown kind");
        yield return Case("--state", ["collect", "--out", "o", "--state", "sqlite:"]).SetName("collect: a SQLite state without its path");
        yield return Case("--state", ["collect", "--out", "o", "--state", "postgres:Database=x"]).SetName("collect: a PostgreSQL state naming no host");
        yield return Case("--reports", ["collect", "--out", "o", "--reports", "rep_a,,rep_b"]).SetName("collect: an empty report id");
        yield return Case("--reports", ["collect", "--out", "o", "--reports", "rep a"]).SetName("collect: a report id with a space");
        yield return Case("--instance", ["collect", "--out", "o", "--instance", "two words"]).SetName("collect: an instance name with a space");
        yield return Case("--postgres", ["collect", "--postgres", "env:"]).SetName("collect: env: without a variable");
        yield return Case("--postgres", ["collect", "--postgres", "file:"]).SetName("collect: file: without a path");
        yield return Case("--postgres", ["collect", "--postgres", "env:HELODATA_NO_SUCH_VARIABLE"]).SetName("collect: a connection string variable that is not set");
        yield return Case("--postgres", ["collect", "--postgres", "file:/no/such/connection-string"]).SetName("collect: a connection string file that cannot be read");
        yield return Case("--grace-period", ["collect", "--out", "o", "--grace-period", "4m"]).SetName("collect: a grace period under the contract's 5 minutes");
        yield return Case("--grace-period", ["collect", "--out", "o", "--grace-period", "soon"]).SetName("collect: a grace period that is not a duration");
        yield return Case("--claim-lease", ["collect", "--out", "o", "--claim-lease", "500ms"]).SetName("collect: a claim lease under a second");
        yield return Case("--claim-lease", ["collect", "--out", "o", "--claim-lease", "31d"]).SetName("collect: a claim lease over 30 days");
        yield return Case("--time-origin", ["collect", "--out", "o", "--time-scale", "3600"]).SetName("collect: a time scale without the sandbox's origin");
        yield return Case("--time-scale", ["collect", "--out", "o", "--time-origin", "2026-06-01T08:00:00Z"]).SetName("collect: a time origin without a scale");
        yield return Case("--time-scale", ["collect", "--out", "o", "--time-scale", "0", "--time-origin", "2026-06-01T08:00:00Z"]).SetName("collect: a time scale of 0");
        yield return Case("--time-origin", ["collect", "--out", "o", "--time-scale", "3600", "--time-origin", "2026-06-01 08:00"]).SetName("collect: a time origin without its offset");
        yield return Case("--time-origin", ["collect", "--out", "o", "--time-scale", "3600", "--time-origin", "9999-01-01T00:00:00Z"]).SetName("collect: a time origin later than now");
        yield return Case("--time-origin", ["collect", "--out", "o", "--time-scale", "1000000", "--time-origin", "0001-01-01T00:00:00Z"]).SetName("collect: a time origin so far back that the scaled clock overflows");
        yield return Case("--frobnicate", ["collect", "--out", "o", "--frobnicate"]).SetName("collect: an unknown option");

        static TestCaseData Case(string named, string[] args) => new(named, args);
    }

    private static IEnumerable<TestCaseData> Passwords()
    {
        yield return Case("--postgres", ["collect", "--postgres", $"Host=db.example.com;Username=app;Password={Password}"]).SetName("collect: a sink with Password=");
        yield return Case("--postgres", ["collect", "--postgres", $"Host=db.example.com;PWD={Password};Database=reports"]).SetName("collect: a sink with PWD=, Npgsql's synonym");
        yield return Case("--state", ["collect", "--out", "o", "--state", $"postgres:Host=db.example.com;password={Password}"]).SetName("collect: a state with password=");
        static TestCaseData Case(string named, string[] args) => new(named, args);
    }

    private static IEnumerable<TestCaseData> NotConnectionStrings()
    {
        yield return new TestCaseData("--postgres", new[] { "collect", "--postgres", $"postgresql://app:{Password}@db.example.com/reports" }).SetName("collect: a postgres URI with its password");
        yield return new TestCaseData("--postgres", new[] { "collect", "--postgres", $"Host=db.example.com;Port={Password}" }).SetName("collect: a value Npgsql cannot read, which may be a piece of a password");
        yield return new TestCaseData("--state", new[] { "collect", "--out", "o", "--state", $"Host=db.example.com;Password={Password}" }).SetName("collect: a state without its kind");
    }

    [TestCaseSource(nameof(Passwords))]
    public async Task A_password_in_an_argument_is_refused_by_the_rule_without_being_repeated(string named, string[] args)
    {
        using var sandbox = ReportsSandbox.Start();

        var result = await CliHarness.RunAsync(sandbox, args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(named).And.Contain("must not hold a password").And.Contain("PGPASSWORD").And.Contain("env:VAR"));
        Assert.That(result.Out + result.Error, Does.Not.Contain(Password));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [TestCaseSource(nameof(NotConnectionStrings))]
    public async Task Text_that_is_no_connection_string_is_refused_without_being_repeated(string named, string[] args)
    {
        using var sandbox = ReportsSandbox.Start();

        var result = await CliHarness.RunAsync(sandbox, args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(named));
        Assert.That(result.Out + result.Error, Does.Not.Contain(Password));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task A_connection_string_read_from_a_variable_is_checked_without_being_repeated()
    {
        using var sandbox = ReportsSandbox.Start();
        var environment = CliHarness.Environment(sandbox);
        environment["COLLECTOR_DATABASE"] = $"Host=db.example.com;Pasword={Password}";

        var result = await CliHarness.RunAsync(environment, ["collect", "--postgres", "env:COLLECTOR_DATABASE"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--postgres env:COLLECTOR_DATABASE").And.Contain("not a connection string"));
        Assert.That(result.Out + result.Error, Does.Not.Contain(Password));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task An_out_folder_that_is_a_file_is_refused()
    {
        using var sandbox = ReportsSandbox.Start();
        var file = Path.GetTempFileName();
        try
        {
            var result = await CliHarness.RunAsync(sandbox, "collect", "--out", file);

            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--out").And.Contain("is a file"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Without_a_key_it_says_where_to_put_one_and_sends_nothing()
    {
        using var sandbox = ReportsSandbox.Start();
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = sandbox.ApiBaseAddress.ToString() };

        var result = await CliHarness.RunAsync(environment, ["collect", "--out", "o", "--once"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("HELODATA_API_KEY"));
        Assert.That(sandbox.Requests, Is.Empty);
    }
}
