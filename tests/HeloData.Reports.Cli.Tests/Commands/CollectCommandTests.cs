using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary><c>collect</c> against a sandbox, in-process: every completed run into <c>--out</c> once, recorded in a SQLite state.</summary>
public sealed class CollectCommandTests
{
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;
    private string _folder = null!;
    private List<ReportRun> _runs = null!;

    private string Out => Path.Combine(_folder, "out");

    private string State => $"sqlite:{Path.Combine(_folder, "state.db")}";

    [SetUp]
    public async Task StartSandboxWithCompletedRuns()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient();
        _folder = Directory.CreateTempSubdirectory("helodata-collect-").FullName;
        _runs = [];
        foreach (var (type, format) in new[] { (ReportType.Traffic, ReportFormat.Csv), (ReportType.Invoices, ReportFormat.Tsv) })
        {
            var report = await _client.CreateReportAsync(new NewReport($"collect-{type}", type, format));
            foreach (var from in new[] { new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 8) })
            {
                _runs.Add(await _client.RunReportAndWaitAsync(report.Id, new RunWindow { From = from, To = from.AddDays(6) }));
            }
        }

        _sandbox.ClearRequests();
    }

    [TearDown]
    public void StopSandbox()
    {
        _client.Dispose();
        _sandbox.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Once_collects_every_completed_run_into_out_by_report_window_and_run_then_a_second_once_collects_nothing()
    {
        var first = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State, "--json");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Json["collected"]!.GetValue<int>(), Is.EqualTo(_runs.Count), first.ToString());
        await AssertEveryRunWrittenOnceAsync();
        var written = Directory.GetFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(path => path, File.GetLastWriteTimeUtc);
        _sandbox.ClearRequests();

        var second = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State, "--json");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Json["collected"]!.GetValue<int>(), Is.Zero, second.ToString());
        Assert.That(second.Json["already_collected"]!.GetValue<int>(), Is.EqualTo(_runs.Count));
        Assert.That(Directory.GetFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(path => path, File.GetLastWriteTimeUtc), Is.EquivalentTo(written), "nothing written again");
        Assert.That(_sandbox.Requests.Where(r => r.Host == "downloads"), Is.Empty, "no artifact downloaded again");
    }

    [Test]
    public async Task The_json_summary_counts_the_passes_and_names_the_state_and_sinks_without_a_secret()
    {
        var result = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var summary = result.Json.AsObject();
        Assert.That(summary.Select(member => member.Key), Is.EqualTo(new[]
        {
            "passes", "passes_failed", "interrupted", "reports", "collected", "already_collected", "in_progress", "failed", "gaps_found", "backfills_requested", "state", "sinks",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(summary["passes"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(summary["passes_failed"]!.GetValue<int>(), Is.Zero);
            Assert.That(summary["interrupted"]!.GetValue<bool>(), Is.False);
            Assert.That(summary["reports"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(summary["failed"]!.GetValue<int>(), Is.Zero);
            Assert.That(summary["state"]!.GetValue<string>(), Is.EqualTo(State));
            Assert.That(summary["sinks"]!.AsArray().Select(sink => sink!.GetValue<string>()), Is.EqualTo(new[] { $"directory:{Out}" }));
        });
        Assert.That(result.Error, Does.Contain("4 collected"), "the pass, told on stderr");
        Assert.That(result.Out + result.Error, Does.Not.Contain(_sandbox.ApiKey));
    }

    [Test]
    public async Task Without_json_the_summary_is_aligned_lines()
    {
        var result = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("collected          4").And.Contain($"sinks              directory:{Out}"));
    }

    [Test]
    public async Task Reports_limits_the_collection_to_the_reports_named()
    {
        var chosen = _runs[0].ReportId;

        var result = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State, "--reports", chosen, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["collected"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Directory.GetDirectories(Out).Select(Path.GetFileName), Is.EqualTo(new[] { chosen }));
    }

    [Test]
    public async Task Ctrl_C_exits_130_and_releases_the_run_in_flight_so_another_instance_collects_it_at_once()
    {
        // The first download goes silent: Ctrl-C comes while that run is claimed and half downloaded.
        _sandbox.Faults.StallDownloads(1);
        using var interrupt = new CancellationTokenSource();
        var running = CliHarness.RunAsync(CliHarness.Environment(_sandbox), ["collect", "--once", "--out", Out, "--state", State, "--instance", "first", "--json"], interrupt.Token);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!_sandbox.Requests.Any(r => r.Host == "downloads"))
        {
            await Task.Delay(10, guard.Token);
        }

        await interrupt.CancelAsync();
        var interrupted = await running;

        Assert.That(interrupted.ExitCode, Is.EqualTo(130), interrupted.ToString());
        Assert.That(interrupted.Error, Does.Contain("Interrupted"));
        Assert.That(interrupted.Json["interrupted"]!.GetValue<bool>(), Is.True);
        Assert.That(Directory.Exists(Out) ? Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal)) : [], Is.Empty, "no partial file left");

        // Another instance: a claim left held would show as in progress until its lease ran out.
        _sandbox.Faults.Reset();
        var next = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", State, "--instance", "second", "--json");

        Assert.That(next.ExitCode, Is.Zero, next.ToString());
        Assert.That(next.Json["in_progress"]!.GetValue<int>(), Is.Zero, next.ToString());
        Assert.That(next.Json["collected"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
        await AssertEveryRunWrittenOnceAsync();
    }

    [Test]
    public async Task A_state_that_cannot_open_stops_collect_with_its_own_message_and_exit_code_1()
    {
        var notAFolder = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(notAFolder, "a file, where the state's folder should be");
        var state = Path.Combine(notAFolder, "state.db");

        var result = await CliHarness.RunAsync(_sandbox, "collect", "--once", "--out", Out, "--state", $"sqlite:{state}");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("error: collect stopped: ").And.Contain(state).And.Not.Contain("unexpected"));
    }

    private async Task AssertEveryRunWrittenOnceAsync()
    {
        var expected = _runs.ToDictionary(run => Path.Combine(Out, run.ReportId, $"{Formats.Date(run.From)}_{Formats.Date(run.To)}_{run.RunId}.{Extension(run)}"));
        Assert.That(Directory.GetFiles(Out, "*", SearchOption.AllDirectories), Is.EquivalentTo(expected.Keys), "one file per run, nothing else");
        foreach (var (path, run) in expected)
        {
            using var artifact = new MemoryStream();
            await _client.DownloadAsync(await _client.GetRunAsync(run.RunId), artifact);
            Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(artifact.ToArray()), path);
        }
    }

    private string Extension(ReportRun run) => _runs.IndexOf(run) < 2 ? "csv" : "tsv";
}
