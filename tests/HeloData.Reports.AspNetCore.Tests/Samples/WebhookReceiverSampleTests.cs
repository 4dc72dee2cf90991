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
        var leftover = Path.Combine(_folder, $"run_killed.csv.{Guid.NewGuid():N}.partial");
        var artifact = Path.Combine(_folder, "run_earlier.csv");
        await File.WriteAllTextAsync(leftover, "date,subuser_id,prod");
        await File.WriteAllTextAsync(artifact, "date,subuser_id,product,bandwidth_bytes,requests\n");

        var result = await RunSampleAsync("--sandbox");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(leftover), Is.False, result.ToString());
        Assert.That(File.Exists(artifact), "a stored artifact is never swept");
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

    private async Task<ChildProcessResult> RunSampleAsync(params string[] args)
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

        return await ChildProcess.RunAsync(start, Guard);
    }

    [GeneratedRegex(@"^stored (?<run>run_\w+) \((?<bytes>\d+) bytes\) → (?<path>.+)$")]
    private static partial Regex StoredLine();
}
