using System.Diagnostics;
using System.Text.Json.Nodes;
using HeloData.Reports.Cli.Tests.Support;

namespace HeloData.Reports.Cli.Tests.EndToEnd;

/// <summary>
/// The built tool as a process of its own, against a sandbox in another process
/// (<c>samples/HeloData.Reports.SandboxHost</c>), configured only through the environment, as a user runs it.
/// </summary>
public sealed class ToolProcessTests
{
    // Only so a hung process cannot hang the test run; nothing here is expected to come near it.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private Process _host = null!;
    private Dictionary<string, string> _environment = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task StartSandboxHost()
    {
        _folder = Directory.CreateTempSubdirectory("helodata-cli-e2e-").FullName;
        var start = Start(Built("SandboxHost"));
        start.RedirectStandardInput = true;
        _host = Process.Start(start)!;
        _environment = [];
        using var guard = new CancellationTokenSource(Guard);
        while (_environment.Count < 2 && await _host.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith("HELODATA_", StringComparison.Ordinal) && equals > 0)
            {
                _environment[line[..equals]] = line[(equals + 1)..];
            }
        }

        Assert.That(_environment.Keys, Is.EquivalentTo(new[] { "HELODATA_BASE_URL", "HELODATA_API_KEY" }), "the sandbox host printed its two lines");
    }

    [OneTimeTearDown]
    public async Task StopSandboxHost()
    {
        // Closing its standard input is how the host is told to stop.
        _host.StandardInput.Close();
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            await _host.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            _host.Kill(entireProcessTree: true);
        }

        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Create_run_wait_download_then_delete()
    {
        var target = Path.Combine(_folder, "invoices.csv");

        var created = await RunToolAsync("reports", "create", "--name", "e2e-invoices", "--type", "invoices", "--format", "csv", "--json");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var reportId = JsonNode.Parse(created.Out)!["id"]!.GetValue<string>();

        var ran = await RunToolAsync("reports", "run", reportId, "--from", "2026-05-01", "--to", "2026-05-31", "--wait", "--download", target, "--json");
        Assert.That(ran.ExitCode, Is.Zero, ran.ToString());
        var run = JsonNode.Parse(ran.Out)!;
        Assert.That(run["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(run["from"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));

        // The file matches the artifact the SDK itself downloads for the same run.
        using (var client = new ReportsClient(new ReportsClientOptions { ApiKey = _environment["HELODATA_API_KEY"], BaseAddress = new Uri(_environment["HELODATA_BASE_URL"]) }))
        using (var expected = new MemoryStream())
        {
            await client.DownloadAsync(await client.GetRunAsync(run["run_id"]!.GetValue<string>()), expected);
            Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(expected.ToArray()));
        }

        Assert.That(File.ReadLines(target).First(), Does.StartWith("invoice_id,"));
        Assert.That(ran.Error, Does.Contain($"bytes to {target}"));

        var deleted = await RunToolAsync("reports", "delete", reportId);
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        var gone = await RunToolAsync("reports", "get", reportId);
        Assert.That(gone.ExitCode, Is.EqualTo(3), gone.ToString());
        Assert.That(gone.Error, Does.Contain("not_found"));

        foreach (var result in new[] { created, ran, deleted, gone })
        {
            Assert.That(result.Out + result.Error, Does.Not.Contain(_environment["HELODATA_API_KEY"]), "the key is never printed");
        }
    }

    [Test]
    public async Task A_webhook_secret_read_from_standard_input_never_shows_in_the_process_arguments()
    {
        Assume.That(OperatingSystem.IsLinux(), "reads /proc/<pid>/cmdline, which is what ps shows every user of the machine");
        const string Secret = "whsec_bm90LWluLWFueS1wcm9jZXNzLWxpc3Rpbmc=";
        var commandLine = string.Empty;

        var created = await RunToolAsync(
            ["reports", "create", "--name", "e2e-webhook", "--type", "traffic", "--format", "csv", "--webhook-url", "https://hooks.example.com/in", "--webhook-secret-file", "-", "--json"],
            async process =>
            {
                // The tool is running, waiting for its secret on standard input: what ps shows of it now.
                commandLine = (await File.ReadAllTextAsync($"/proc/{process.Id}/cmdline")).Replace('\0', ' ');
                await process.StandardInput.WriteLineAsync(Secret);
                process.StandardInput.Close();
            });

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(commandLine, Does.Contain("--webhook-secret-file -").And.Not.Contain(Secret));
        Assert.That(JsonNode.Parse(created.Out)!["destination"]!["type"]!.GetValue<string>(), Is.EqualTo("webhook"));
        Assert.That(created.Out + created.Error, Does.Not.Contain(Secret));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Download_to_dev_stdout_appended_to_a_file_adds_to_that_very_file()
    {
        Assume.That(OperatingSystem.IsLinux(), "/dev/stdout leads through /proc/self/fd/1 to the file the shell opened");
        var created = await RunToolAsync("reports", "create", "--name", "e2e-stdout", "--type", "invoices", "--format", "csv", "--json");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var ran = await RunToolAsync("reports", "run", JsonNode.Parse(created.Out)!["id"]!.GetValue<string>(), "--from", "2026-05-01", "--to", "2026-05-31", "--wait", "--json");
        Assert.That(ran.ExitCode, Is.Zero, ran.ToString());
        var runId = JsonNode.Parse(ran.Out)!["run_id"]!.GetValue<string>();
        var all = Path.Combine(_folder, "all.csv");
        await File.WriteAllTextAsync(all, "earlier\n");
        var inode = SpecialFiles.InodeOf(all);

        // `helodata-reports runs download RUN -o /dev/stdout >> all.csv`: the tool reads the /dev/stdout
        // link; the bytes go to all.csv, which the shell holds open for appending on descriptor 1.
        var tool = Start(Built("Cli"));
        var start = Start(Built("Cli"));
        start.FileName = "/bin/sh";
        start.ArgumentList.Clear();
        foreach (var arg in (string[])["-c", "out=$1; shift; exec \"$@\" >> \"$out\"", "sh", all, tool.FileName, .. tool.ArgumentList, "runs", "download", runId, "-o", "/dev/stdout"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        var result = await ChildProcess.RunAsync(start, Guard);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = _environment["HELODATA_API_KEY"], BaseAddress = new Uri(_environment["HELODATA_BASE_URL"]) });
        using var expected = new MemoryStream();
        await client.DownloadAsync(await client.GetRunAsync(runId), expected);
        Assert.That(SpecialFiles.InodeOf(all), Is.EqualTo(inode), "the shell's file, not a new one renamed over it");
        Assert.That(await File.ReadAllBytesAsync(all), Is.EqualTo("earlier\n"u8.ToArray().Concat(expected.ToArray())), "what it held, then the artifact, and no path printed");
        Assert.That(Directory.GetFiles(_folder, ".hd-*"), Is.Empty);
    }

    [TestCase("schedule", "next", "0 6 * * 1", "--count", "3")]
    [TestCase("reports", "list", "--json")]
    public async Task A_closed_standard_output_is_a_clean_exit(params string[] args)
    {
        // `helodata-reports ... >&-`: the shell closes descriptor 1 before the tool starts.
        var tool = Start(Built("Cli"));
        var start = Start(Built("Cli"));
        start.FileName = "/bin/sh";
        start.ArgumentList.Clear();
        foreach (var arg in (string[])["-c", "exec \"$@\" >&-", "sh", tool.FileName, .. tool.ArgumentList, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        var result = await ChildProcess.RunAsync(start, Guard);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Error, Is.Empty);
    }

    private static string Built(string name) => BuiltTool.Dll(name);

    // Only what the test sets: a key or address from the developer's shell would change what is tested.
    private ProcessStartInfo Start(string dll) => BuiltTool.Start(dll, _folder);

    private Task<ChildProcessResult> RunToolAsync(params string[] args) => RunToolAsync(args, whileRunning: null);

    private async Task<ChildProcessResult> RunToolAsync(string[] args, Func<Process, Task>? whileRunning)
    {
        var start = Start(Built("Cli"));
        start.RedirectStandardInput = whileRunning is not null;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        return await ChildProcess.RunAsync(start, Guard, whileRunning);
    }
}
