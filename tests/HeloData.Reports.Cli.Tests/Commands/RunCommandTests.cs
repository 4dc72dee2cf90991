using System.Text.Json.Nodes;
using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary><c>reports run</c> and <c>runs get|wait|download</c>, and the exit codes a run can end with (0, 3, 4, 5, 130).</summary>
public sealed class RunCommandTests
{
    private ReportsSandbox _sandbox = null!;
    private string _folder = null!;
    private string _reportId = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _folder = Directory.CreateTempSubdirectory("helodata-cli-tests-").FullName;
        using var client = _sandbox.CreateClient();
        _reportId = (await client.CreateReportAsync(new NewReport("traffic", ReportType.Traffic, ReportFormat.Csv))).Id;
        _sandbox.ClearRequests();
    }

    [TearDown]
    public void TearDown()
    {
        _sandbox.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Run_without_wait_prints_the_accepted_run_and_with_json_the_services_answer()
    {
        var plain = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--from", "2026-05-01", "--to", "2026-05-31");
        var json = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--json");

        Assert.That(plain.ExitCode, Is.Zero, plain.ToString());
        Assert.That(plain.Out, Does.Match(@"(?m)^run\s+run_\w+$"));
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        Assert.That(json.Json["run_id"]!.GetValue<string>(), Does.StartWith("run_"));
        Assert.That(json.Json["status"]!.GetValue<string>(), Is.EqualTo("queued"));
        var body = JsonNode.Parse(_sandbox.Requests.First(r => r.Method == "POST").Body!);
        Assert.That(JsonNode.DeepEquals(body, JsonNode.Parse("""{"from":"2026-05-01","to":"2026-05-31"}""")), Is.True, body!.ToJsonString());
    }

    [Test]
    public async Task Run_wait_download_writes_the_artifact_and_prints_the_completed_run()
    {
        var path = Path.Combine(_folder, "traffic.csv");

        var result = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--wait", "--download", path, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        var runId = result.Json["run_id"]!.GetValue<string>();
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(await SdkDownloadAsync(runId)), "the file is the run's artifact, byte for byte");
        Assert.That(result.Error, Does.Contain($"Started run {runId}").And.Contain($"run {runId}: completed").And.Contain($"bytes to {path}"));
        Assert.That(_sandbox.DownloadHostSawCredentials, Is.False);
    }

    [Test]
    public async Task Run_download_into_a_folder_uses_the_artifacts_own_name()
    {
        var result = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--download", _folder, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var runId = result.Json["run_id"]!.GetValue<string>();
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { $"{runId}.csv" }), "one file, no temporary one left");
    }

    [Test]
    public async Task Runs_get_prints_a_summary_without_the_signed_URL_and_with_json_the_services_document()
    {
        var runId = await CompletedRunAsync();

        var plain = await CliHarness.RunAsync(_sandbox, "runs", "get", runId);
        var json = await CliHarness.RunAsync(_sandbox, "runs", "get", runId, "--json");

        Assert.That(plain.ExitCode, Is.Zero, plain.ToString());
        Assert.That(plain.Out, Does.Match(@"(?m)^status\s+completed$").And.Contain($"runs download {runId}"));
        Assert.That(plain.Out, Does.Not.Contain("sig="), "the signed URL is for --json, not the summary");
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        var raw = await CliHarness.GetRawAsync(_sandbox, $"reports/runs/{runId}");
        // The URL is signed afresh on each read; everything else is the service's document as it sent it.
        var printed = json.Json.AsObject();
        Assert.That(printed["download_url"]!.GetValue<string>(), Does.Contain($"/runs/{runId}."));
        foreach (var signed in new[] { "download_url", "download_url_expires_at" })
        {
            printed.Remove(signed);
            raw.AsObject().Remove(signed);
        }

        CliHarness.AssertSameDocument(printed, raw);
    }

    [Test]
    public async Task Runs_wait_prints_the_finished_run_and_plain_progress_lines_when_stderr_is_not_a_terminal()
    {
        var runId = await StartRunAsync();

        var result = await CliHarness.RunAsync(_sandbox, "runs", "wait", runId, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(result.Error, Does.Match($@"(?m)^run {runId}: completed after \S+$"));
        Assert.That(result.Error, Does.Not.Contain("\r"), "no line rewriting in a log");
    }

    [Test]
    public async Task On_a_terminal_the_wait_and_the_download_redraw_one_line()
    {
        var runId = await StartRunAsync();
        var environment = CliHarness.Environment(_sandbox);

        var result = await CliHarness.RunAsync(environment, ["runs", "wait", runId], terminal: true);
        var download = await CliHarness.RunAsync(environment, ["runs", "download", runId, "-o", _folder], terminal: true);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Error, Does.Contain($"\rrun {runId}: completed, "));
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(download.Error, Does.Match(@"\r\[#{24}\] 100%"), "a bar: the sandbox sends Content-Length");
    }

    [Test]
    public async Task Runs_download_writes_the_file_and_prints_its_path()
    {
        var runId = await CompletedRunAsync();
        var path = Path.Combine(_folder, "out.csv");

        var named = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", path);
        var intoFolder = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "--output", _folder);

        Assert.That(named.ExitCode, Is.Zero, named.ToString());
        Assert.That(named.Out.Trim(), Is.EqualTo(path));
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(await SdkDownloadAsync(runId)));
        Assert.That(intoFolder.ExitCode, Is.Zero, intoFolder.ToString());
        Assert.That(intoFolder.Out.Trim(), Is.EqualTo(Path.Combine(_folder, $"{runId}.csv")));
        Assert.That(File.Exists(intoFolder.Out.Trim()), Is.True);
    }

    [Test]
    public async Task Downloading_a_run_still_going_exits_3_says_how_to_wait_and_leaves_no_file()
    {
        _sandbox.RunTimeline = new RunTimeline(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var runId = await StartRunAsync();

        var result = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", _folder);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain("run_not_completed").And.Contain($"runs wait {runId}"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty);
        Assert.That(_sandbox.Requests.Where(r => r.Host == "downloads"), Is.Empty, "nothing asked of the download host");
    }

    [Test]
    public async Task A_failed_run_exits_4_with_its_code_and_message()
    {
        _sandbox.RunTimeline = RunTimeline.Failing("internal_error", "the export worker crashed", TimeSpan.Zero);

        var result = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--wait");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Error, Does.Match(@"Run run_\w+ failed: internal_error: the export worker crashed"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task A_wait_that_runs_out_of_time_exits_5_and_names_the_run_to_resume()
    {
        _sandbox.RunTimeline = new RunTimeline(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var runId = await StartRunAsync();

        var result = await CliHarness.RunAsync(_sandbox, "runs", "wait", runId, "--timeout", "200ms");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.Error, Does.Contain($"Timed out waiting for run {runId} (last status: queued)").And.Contain($"runs wait {runId}"));
    }

    [Test]
    public async Task Ctrl_C_during_a_wait_exits_130_and_names_the_run_which_goes_on()
    {
        _sandbox.RunTimeline = new RunTimeline(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        using var interrupt = new CancellationTokenSource();
        var stderr = new CancelOnWrite("Started run", interrupt);

        var result = await CliHarness.RunAsync(CliHarness.Environment(_sandbox), ["reports", "run", _reportId, "--wait"], interrupt.Token, stderr: stderr);

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        var runId = System.Text.RegularExpressions.Regex.Match(result.Error, @"Started run (run_\w+)").Groups[1].Value;
        Assert.That(runId, Does.StartWith("run_"), result.Error);
        Assert.That(_sandbox.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "one run started, none repeated");
        Assert.That(result.Error, Does.Contain($"Run {runId} goes on; resume with: helodata-reports runs wait {runId}"));
    }

    [Test]
    public async Task The_service_refusing_a_call_exits_3_with_code_status_and_request_id()
    {
        var result = await CliHarness.RunAsync(_sandbox, "runs", "get", "run_DOESNOTEXIST");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Match(@"error: not_found \(HTTP 404, request id req_\w+\)"));
    }

    [TestCase("wait")]
    [TestCase("get")]
    public async Task A_run_that_does_not_exist_is_said_to_be_not_found_not_to_go_on(string command)
    {
        var result = await CliHarness.RunAsync(_sandbox, "runs", command, "run_NOPE");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain("Run run_NOPE was not found"));
        Assert.That(result.Error, Does.Not.Contain("goes on").And.Not.Contain("wait for it"));
    }

    [TestCase("get")]
    [TestCase("wait")]
    public async Task A_service_that_refuses_the_connection_is_named_with_how_to_change_its_address(string command)
    {
        var address = $"http://127.0.0.1:{ClosedPort.Find()}/v1/";
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = address, ["HELODATA_API_KEY"] = _sandbox.ApiKey };

        var result = await CliHarness.RunAsync(environment, ["runs", command, "run_1"]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain($"the service could not be reached at {address}").And.Contain("Nothing was sent").And.Contain("HELODATA_BASE_URL"));
        Assert.That(result.Error, Does.Not.Contain("lost its connection").And.Not.Contain("goes on"));
    }

    [Test]
    public async Task An_unreachable_address_is_named_without_the_user_password_or_query_it_was_given_with()
    {
        var port = ClosedPort.Find();
        var environment = new Dictionary<string, string>
        {
            ["HELODATA_BASE_URL"] = $"http://ops:pa55word@127.0.0.1:{port}/v1/?token=t0ken",
            ["HELODATA_API_KEY"] = _sandbox.ApiKey,
        };

        var result = await CliHarness.RunAsync(environment, ["runs", "get", "run_1"]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain($"the service could not be reached at http://127.0.0.1:{port}/v1/"));
        Assert.That(result.Out + result.Error, Does.Not.Contain("pa55word").And.Not.Contain("t0ken").And.Not.Contain("ops:"));
    }

    [Test]
    public async Task A_key_the_service_refuses_exits_3_and_is_never_printed()
    {
        const string Key = "hd_live_not_a_key_the_sandbox_issued_1234";
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = _sandbox.ApiBaseAddress.ToString(), ["HELODATA_API_KEY"] = Key };

        var result = await CliHarness.RunAsync(environment, ["reports", "list"]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain("unauthorized").And.Contain("HTTP 401"));
        Assert.That(result.Out + result.Error, Does.Not.Contain(Key));
    }

    [Test]
    public async Task The_key_can_come_from_a_file_with_a_trailing_newline()
    {
        var file = Path.Combine(_folder, "key");
        await File.WriteAllTextAsync(file, _sandbox.ApiKey + "\n");
        var environment = new Dictionary<string, string> { ["HELODATA_BASE_URL"] = _sandbox.ApiBaseAddress.ToString() };

        var result = await CliHarness.RunAsync(environment, ["reports", "get", _reportId, "--api-key-file", file]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain(_reportId));
        Assert.That(result.Out + result.Error, Does.Not.Contain(_sandbox.ApiKey));
    }

    private async Task<string> StartRunAsync()
    {
        using var client = _sandbox.CreateClient();
        return (await client.RunReportAsync(_reportId)).RunId;
    }

    private async Task<string> CompletedRunAsync()
    {
        var runId = await StartRunAsync();
        using var client = _sandbox.CreateClient();
        await client.WaitForCompletionAsync(runId, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        return runId;
    }

    private async Task<byte[]> SdkDownloadAsync(string runId)
    {
        using var client = _sandbox.CreateClient();
        using var bytes = new MemoryStream();
        await client.DownloadAsync(await client.GetRunAsync(runId), bytes);
        return bytes.ToArray();
    }
}
