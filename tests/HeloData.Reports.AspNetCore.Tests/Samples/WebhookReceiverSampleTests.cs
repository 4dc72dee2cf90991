using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace HeloData.Reports.AspNetCore.Tests.Samples;

/// <summary>
/// <c>samples/HeloData.Reports.WebhookReceiver</c>, run as its README says, in a process of its own: with
/// <c>--sandbox</c> it has the sandbox push a report to itself and stores it.
/// </summary>
public sealed partial class WebhookReceiverSampleTests
{
    // Only so a hung sample cannot hang the test run; the sample gives up by itself after 60 s (exit 1).
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-receiver-sample-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task With_sandbox_it_stores_the_pushed_report_once_says_where_and_exits_0()
    {
        var result = await RunSampleAsync("--sandbox");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var stored = result.Lines.Select(l => StoredLine().Match(l)).Where(m => m.Success).ToList();
        Assert.That(stored, Has.Count.EqualTo(1), result.ToString());
        var (runId, bytes, path) = (stored[0].Groups["run"].Value, long.Parse(stored[0].Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture), stored[0].Groups["path"].Value);
        Assert.That(path, Is.EqualTo(Path.Combine(_folder, $"{runId}.csv")));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(bytes).And.GreaterThan(0));
        Assert.That(File.ReadLines(path).First(), Is.EqualTo("date,subuser_id,product,bandwidth_bytes,requests"), "the sandbox's traffic report, whole");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }), "nothing but the artifact: no partial or temporary file left");
        Assert.That(result.Out, Does.Not.Contain("whsec_"), "the generated secret is never printed");
    }

    [Test]
    public async Task At_start_it_deletes_the_partial_copies_a_killed_receiver_left_and_nothing_else()
    {
        // What a kill -9 in the middle of SaveToAsync leaves beside the artifact it was writing.
        var leftover = Path.Combine(_folder, $".hd-{Random.Shared.NextInt64():x16}.partial");
        var artifact = Path.Combine(_folder, "run_earlier.csv");
        var foreign = Path.Combine(_folder, "someone-elses.partial");
        await File.WriteAllTextAsync(leftover, "date,subuser_id,prod");
        await File.WriteAllTextAsync(foreign, "not the receiver's");
        await File.WriteAllTextAsync(artifact, "date,subuser_id,product,bandwidth_bytes,requests\n");

        var result = await RunSampleAsync("--sandbox");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(leftover), Is.False, result.ToString());
        Assert.That(File.Exists(artifact), "a stored artifact is never swept");
        Assert.That(File.Exists(foreign), "a partial file of another name is not the receiver's");
        Assert.That(result.Out, Does.Contain($"Deleted 1 partial file(s) a stopped receiver left in {_folder}."));
    }

    [Test]
    public async Task Without_a_secret_or_sandbox_it_refuses_to_start_and_says_what_to_set()
    {
        var result = await RunSampleAsync();

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("HELODATA_WEBHOOK_SECRET"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty);
    }

    [TestCase("HELODATA_WEBHOOK_SECRET", "whsec_not base64!", "HELODATA_WEBHOOK_SECRET", TestName = "a whsec_ secret that is not base64")]
    [TestCase("HELODATA_WEBHOOK_SECRET", "   ", "HELODATA_WEBHOOK_SECRET", TestName = "a white-space secret")]
    [TestCase("HELODATA_WEBHOOK_MAX_BYTES", "12k", "HELODATA_WEBHOOK_MAX_BYTES", TestName = "a size that is not a number")]
    [TestCase("HELODATA_WEBHOOK_MAX_CONCURRENT", "0", "HELODATA_WEBHOOK_MAX_CONCURRENT", TestName = "no delivery at once")]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_2(string key, string value, string named)
    {
        var environment = new Dictionary<string, string> { ["HELODATA_WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", [key] = value };

        var result = await RunSampleAsync(environment);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain(named).And.Not.Contain("   at ").And.Not.Contain("not base64!"), "named, no stack trace, the secret not shown");
    }

    [Test]
    public async Task The_limits_the_spool_folder_and_the_instance_name_come_from_the_environment()
    {
        var temp = Path.Combine(_folder, "spool-here");
        var environment = new Dictionary<string, string> { ["HELODATA_WEBHOOK_TEMP_DIR"] = temp, ["HELODATA_WEBHOOK_MAX_BYTES"] = "5000000", ["HELODATA_WEBHOOK_MAX_CONCURRENT"] = "2", ["HELODATA_WEBHOOK_INSTANCE"] = "receiver-a" };

        var result = await RunSampleAsync(environment, "--sandbox");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain($"receiving at most 5000000 bytes per delivery, 2 unverified at once, spooled under {temp}, as instance receiver-a"));
        Assert.That(Directory.Exists(Path.Combine(temp, WebhookSpool.Name)), Is.True, "the body was spooled there");
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(temp, WebhookSpool.Name)), Is.Empty, "and nothing is left");
    }

    [Test]
    public async Task A_second_receiver_on_the_folder_fails_at_start_without_touching_the_live_ones_partial_files()
    {
        // The live receiver: it holds the store's instance lock and is writing a delivery's partial copy.
        await using var live = new HeloData.Reports.Collector.SqliteCollectorStateStore(Path.Combine(_folder, ".receiver", "handled-runs.db"), Environment.MachineName, TimeProvider.System);
        await live.StartAsync(CancellationToken.None);
        var inFlight = Path.Combine(_folder, $".hd-{Random.Shared.NextInt64():x16}.partial");
        await File.WriteAllTextAsync(inFlight, "date,subuser_id,prod");

        var result = await RunSampleAsync("--sandbox");

        Assert.That(result.ExitCode, Is.Not.Zero, "the instance lock is held: this receiver does not start");
        Assert.That(File.Exists(inFlight), Is.True, result.ToString());
        Assert.That(result.Out, Does.Not.Contain("partial file(s)"));
    }

    [Test]
    public async Task A_malformed_chunk_is_a_warning_line_not_a_fail_with_a_stack_trace()
    {
        var start = SampleStart(new Dictionary<string, string> { ["HELODATA_WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        using var sample = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var guard = new CancellationTokenSource(Guard);
            var address = await ReadUntilAsync(sample, lines, l => l.Contains("Now listening on: ", StringComparison.Ordinal), guard.Token);
            var hook = new Uri(address[(address.IndexOf("http", StringComparison.Ordinal))..].Trim() + "/hooks/helodata");
            await using (var sender = await Support.RawSender.ConnectAsync(hook))
            {
                await sender.SendHeadAsync(hook, Hosting.DeliveryPrecheckTests.Headers("none", "run_chunk"), null);
                await sender.SendAsync("zz\r\nnot a chunk\r\n"u8.ToArray());
                Assert.That((await sender.ReadResponseAsync()).Status, Is.EqualTo(400));
            }

            var logged = await ReadUntilAsync(sample, lines, l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal), guard.Token);

            Assert.That(logged, Does.StartWith("warn:").And.Contain("Could not read a delivery's body (400)"), string.Join("\n", lines));
        }
        finally
        {
            sample.Kill(entireProcessTree: true);
            await sample.WaitForExitAsync();
        }

        Assert.That(lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal)), Is.Empty);
    }

    private static async Task<string> ReadUntilAsync(Process process, List<string> lines, Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
            if (wanted(line))
            {
                return line;
            }
        }

        Assert.Fail($"The sample ended before the line awaited.\n{string.Join("\n", lines)}");
        return "";
    }

    private Task<ChildProcessResult> RunSampleAsync(params string[] args) => RunSampleAsync(new Dictionary<string, string>(), args);

    private async Task<ChildProcessResult> RunSampleAsync(Dictionary<string, string> environment, params string[] args) =>
        await ChildProcess.RunAsync(SampleStart(environment, args), Guard);

    private ProcessStartInfo SampleStart(Dictionary<string, string> environment, params string[] args)
    {
        var sample = typeof(WebhookReceiverSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebhookReceiverSample").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(sample);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test sets: a secret or URL from the developer's shell would change what is tested.
        start.Environment.Remove("HELODATA_WEBHOOK_SECRET");
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["HELODATA_WEBHOOK_DIR"] = _folder;
        start.Environment["HELODATA_WEBHOOK_TEMP_DIR"] = Path.Combine(_folder, ".spool");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [GeneratedRegex(@"^stored (?<run>run_\w+) \((?<bytes>\d+) bytes\) → (?<path>.+)$")]
    private static partial Regex StoredLine();
}
