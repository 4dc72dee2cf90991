using System.Text;
using System.Runtime.Versioning;
using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>
/// <c>runs download -o</c> and <c>reports run --download</c> into what a shell user may name: a FIFO,
/// a device, a symlink (written through, never replaced), and a folder that takes no file (refused with
/// exit code 2 before a run starts). Special files are made in the test's own temp folder.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DownloadTargetTests
{
    private ReportsSandbox _sandbox = null!;
    private string _folder = null!;
    private string _reportId = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _folder = Directory.CreateTempSubdirectory("helodata-cli-targets-").FullName;
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
    public async Task Runs_download_into_a_fifo_streams_every_byte_to_its_reader_and_leaves_the_fifo()
    {
        var (runId, artifact) = await CompletedRunAsync();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "pipe"));
        var reader = SpecialFiles.ReadFifoAsync(fifo);

        var result = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", fifo);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Is.Empty, "no path printed: stdout may be where the artifact goes (-o /dev/stdout)");
        Assert.That(SpecialFiles.TypeOf(fifo), Is.EqualTo("fifo"));
        Assert.That(await reader.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(artifact));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { fifo }));
    }

    [Test]
    public async Task Reports_run_download_into_a_fifo_says_the_run_on_stderr_so_the_fifo_or_stdout_carries_the_artifact_alone()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "pipe"));
        var reader = SpecialFiles.ReadFifoAsync(fifo);

        var result = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--from", "2026-05-01", "--to", "2026-05-31", "--download", fifo);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Is.Empty, "stdout may be where the artifact goes (--download /dev/stdout)");
        var artifact = Encoding.UTF8.GetString(await reader.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.That(artifact, Does.StartWith("date,subuser_id,product,bandwidth_bytes,requests"));
        Assert.That(result.Error, Does.Match(@"(?m)^\s*status\s+completed\s*$").And.Contain(_reportId), "the run's summary, on stderr");
    }

    [Test]
    public async Task Runs_download_into_a_device_writes_it_in_place_and_leaves_the_device()
    {
        var (runId, _) = await CompletedRunAsync();
        var device = SpecialFiles.MakeNullDevice(Path.Combine(_folder, "null"));

        var result = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", device);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(SpecialFiles.TypeOf(device), Is.EqualTo("character special file"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { device }));
    }

    [Test]
    public async Task Runs_download_through_a_symlink_replaces_the_file_it_leads_to_and_keeps_the_link()
    {
        var (runId, artifact) = await CompletedRunAsync();
        var file = Path.Combine(_folder, "real.csv");
        await File.WriteAllTextAsync(file, "old");
        var link = File.CreateSymbolicLink(Path.Combine(_folder, "latest.csv"), "real.csv").FullName;

        var result = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", link);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(SpecialFiles.TypeOf(link), Is.EqualTo("symbolic link"));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(artifact));
        Assert.That(Directory.GetFileSystemEntries(_folder).Order(), Is.EqualTo(new[] { link, file }.Order()));
    }

    [TestCase("out.csv", TestName = "Run_wait_download_into_a_read_only_folder_exits_2_and_starts_no_run")]
    [TestCase("", TestName = "Run_download_into_a_read_only_folder_itself_exits_2_and_starts_no_run")]
    public async Task Run_wait_download_into_a_read_only_folder_exits_2_and_starts_no_run(string name)
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(_folder, "ro")).FullName;
        var target = name.Length == 0 ? readOnly : Path.Combine(readOnly, name);
        CliResult result;
        using (SpecialFiles.MakeReadOnly(readOnly))
        {
            result = await CliHarness.RunAsync(_sandbox, "reports", "run", _reportId, "--wait", "--download", target);
        }

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--download").And.Contain(readOnly).And.Contain("cannot be written"));
        Assert.That(result.Error, Does.Not.Contain("unexpected"));
        Assert.That(_sandbox.Requests, Is.Empty, "no run was started");
    }

    [Test]
    public async Task Runs_download_into_a_read_only_folder_exits_2_before_any_request()
    {
        var (runId, _) = await CompletedRunAsync();
        _sandbox.ClearRequests();
        var readOnly = Directory.CreateDirectory(Path.Combine(_folder, "ro")).FullName;
        CliResult result;
        using (SpecialFiles.MakeReadOnly(readOnly))
        {
            result = await CliHarness.RunAsync(_sandbox, "runs", "download", runId, "-o", Path.Combine(readOnly, "out.csv"));
        }

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--output").And.Contain(readOnly));
        Assert.That(_sandbox.Requests, Is.Empty);
    }

    private async Task<(string RunId, byte[] Artifact)> CompletedRunAsync()
    {
        using var client = _sandbox.CreateClient();
        var runId = (await client.RunReportAsync(_reportId)).RunId;
        var run = await client.WaitForCompletionAsync(runId, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        using var bytes = new MemoryStream();
        await client.DownloadAsync(run, bytes);
        return (runId, bytes.ToArray());
    }
}
