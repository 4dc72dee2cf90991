using System.Text.Json.Nodes;
using HeloData.Reports.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>
/// <c>sandbox</c> as a scheduled service for outside tests: <c>--time-scale</c>, <c>--runs-log</c> and the
/// run faults, on a fake clock under the scaled one, so nothing waits for real time.
/// </summary>
public sealed class SandboxCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 30, 0, TimeSpan.Zero);

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-sandbox-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task An_hourly_schedule_at_time_scale_3600_fires_every_real_second_and_each_run_is_logged_created_then_finished()
    {
        var time = new FakeTimeProvider(Start);
        var log = Path.Combine(_folder, "runs.ndjson");
        var sandbox = await SandboxCommandRun.StartAsync(["--time-scale", "3600", "--runs-log", log], time);
        var report = await CreateHourlyAsync(sandbox);

        time.Advance(TimeSpan.FromSeconds(2.6)); // 08:30 + 2.6 h of sandbox time: 09:00, 10:00 and 11:00 fired
        var lines = Lines(log);
        var exit = await sandbox.StopAsync();

        Assert.That(exit, Is.Zero);
        Assert.That(sandbox.Error.ToString(), Does.Contain("Sandbox clock: 3600x real time from 2026-06-01T08:30:00.000Z"));
        Assert.That(sandbox.Error.ToString(), Does.Contain("collect --time-scale 3600 --time-origin 2026-06-01T08:30:00.000Z"), "what a rehearsing collector is given");
        var created = lines.Where(l => (string)l["event"]! == "created").ToList();
        Assert.That(created.Select(l => (string)l["created_at"]!), Is.EqualTo(new[] { "2026-06-01T09:00:00Z", "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z" }));
        Assert.That(created.Select(l => ((string)l["report_id"]!, (string)l["from"]!, (string)l["to"]!, (string)l["status"]!, (bool)l["scheduled"]!, (bool)l["hidden"]!)), Is.All.EqualTo((report, "2026-05-31", "2026-05-31", "queued", true, false)));
        var finished = lines.Where(l => (string)l["event"]! == "finished").ToList();
        Assert.That(finished.Select(l => (string)l["run_id"]!), Is.EquivalentTo(created.Select(l => (string)l["run_id"]!)));
        Assert.That(finished.Select(l => (string)l["status"]!), Is.All.EqualTo("completed"));
        Assert.That(lines.FindIndex(l => (string)l["event"]! == "finished"), Is.GreaterThan(0), "a run's first line comes first");
    }

    [Test]
    public async Task Hidden_and_failing_fractions_apply_to_scheduled_runs_and_show_in_the_log_and_the_list()
    {
        var time = new FakeTimeProvider(Start);
        var log = Path.Combine(_folder, "runs.ndjson");
        var sandbox = await SandboxCommandRun.StartAsync(["--time-scale", "3600", "--runs-log", log, "--hide-runs", "1", "--fail-runs", "1"], time);
        await CreateHourlyAsync(sandbox);

        time.Advance(TimeSpan.FromSeconds(1));
        var listed = await CliHarness.RunAsync(sandbox.Environment, ["reports", "list", "--json"]);
        var lines = Lines(log);
        await sandbox.StopAsync();

        Assert.That(lines.Select(l => ((string)l["event"]!, (string)l["status"]!, (bool)l["hidden"]!)), Is.EqualTo(new[] { ("created", "queued", true), ("finished", "failed", true) }));
        Assert.That((string)lines[1]["error"]!, Is.EqualTo("internal_error"));
        Assert.That(listed.ExitCode, Is.Zero, listed.ToString());
        Assert.That(listed.Out, Does.Not.Contain((string)lines[0]["run_id"]!));
    }

    [Test]
    public async Task Artifact_rows_sets_the_row_count_of_every_artifact()
    {
        var sandbox = await SandboxCommandRun.StartAsync(["--artifact-rows", "7"]);
        var target = Path.Combine(_folder, "run.csv");
        var created = await CliHarness.RunAsync(sandbox.Environment, ["reports", "create", "--name", "rows", "--type", "traffic", "--format", "csv", "--json"]);

        var run = await CliHarness.RunAsync(sandbox.Environment, ["reports", "run", (string)created.Json["id"]!, "--from", "2026-05-01", "--to", "2026-05-31", "--wait", "--download", target]);
        await sandbox.StopAsync();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllLines(target), Has.Length.EqualTo(8), "a header and 7 rows");
    }

    [TestCase("--time-scale", "0")]
    [TestCase("--time-scale", "1000001")]
    [TestCase("--hide-runs", "1.5")]
    [TestCase("--hide-runs", "-0.1")]
    [TestCase("--fail-runs", "some")]
    [TestCase("--artifact-rows", "-1")]
    [TestCase("--seed", "x")]
    public async Task A_value_out_of_range_is_refused_naming_its_option_with_2(string option, string value)
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", option, value], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain(option).And.Contain(value));
    }

    [TestCase("2026-06-01", "is not an instant")]
    [TestCase("9999-01-01T00:00:00.000Z", "is later than now")]
    public async Task A_time_origin_that_is_no_instant_or_later_than_now_is_refused_with_2(string origin, string why)
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", "--time-scale", "3600", "--time-origin", origin], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("--time-origin").And.Contain(origin).And.Contain(why));
    }

    [Test]
    public async Task A_time_origin_without_a_time_scale_is_refused_with_2()
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", "--time-origin", "2026-06-01T08:00:00Z"], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("--time-origin needs --time-scale"));
    }

    [Test]
    public async Task A_given_time_origin_in_the_past_starts_the_sandboxs_clock_ahead_of_the_real_one()
    {
        var time = new FakeTimeProvider(Start);
        var log = Path.Combine(_folder, "runs.ndjson");
        var sandbox = await SandboxCommandRun.StartAsync(["--time-scale", "3600", "--time-origin", "2026-06-01T08:29:59Z", "--runs-log", log], time);
        await CreateHourlyAsync(sandbox);

        // At the start the sandbox read 08:29:59 + 1 s x 3600 = 09:29:59 (its report was created then), not 08:30;
        // a second later, 10:29:59: only 10:00 fired (from now as origin it would read 09:30, and 09:00 would have).
        time.Advance(TimeSpan.FromSeconds(1));
        var created = Lines(log).Where(l => (string)l["event"]! == "created").Select(l => (string)l["created_at"]!).ToList();
        await sandbox.StopAsync();

        Assert.That(created, Is.EqualTo(new[] { "2026-06-01T10:00:00Z" }));
    }

    [Test]
    public async Task A_runs_log_that_cannot_be_written_is_refused_with_2()
    {
        var error = new StringWriter();
        var path = Path.Combine(_folder, "missing", "runs.ndjson");

        var exit = await CliApp.RunAsync(["sandbox", "--runs-log", path], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain($"--runs-log {path}"));
    }

    private static async Task<string> CreateHourlyAsync(SandboxCommandRun sandbox)
    {
        var created = await CliHarness.RunAsync(sandbox.Environment, ["reports", "create", "--name", "hourly", "--type", "traffic", "--format", "csv", "--schedule", "0 * * * *", "--json"]);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        return (string)created.Json["id"]!;
    }

    private static List<JsonNode> Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }
}
