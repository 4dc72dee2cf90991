using System.Diagnostics;
using HeloData.Reports.Cli.Tests.Support;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary><c>helodata-reports sandbox</c> as a process of its own, and the two variables it printed.</summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _drained;

    private SandboxProcess(Process process, Dictionary<string, string> environment, Task drained)
    {
        _process = process;
        Environment = environment;
        _drained = drained;
    }

    /// <summary><c>HELODATA_BASE_URL</c> and <c>HELODATA_API_KEY</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<SandboxProcess> StartAsync(string folder, IEnumerable<string> args)
    {
        var process = Process.Start(BuiltTool.Start(BuiltTool.Dll("Cli"), folder, ["sandbox", .. args]))!;
        var environment = new Dictionary<string, string>();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (environment.Count < 2 && await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith("HELODATA_", StringComparison.Ordinal) && equals > 0)
            {
                environment[line[..equals]] = line[(equals + 1)..];
            }
        }

        // Keep reading, so a full pipe never blocks the sandbox.
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(CancellationToken.None), process.StandardError.ReadToEndAsync(CancellationToken.None));
        Assert.That(environment.Keys, Is.EquivalentTo(new[] { "HELODATA_BASE_URL", "HELODATA_API_KEY" }), "the sandbox printed its two lines");
        return new SandboxProcess(process, environment, drained);
    }

    public ReportsClient CreateClient() => new(new ReportsClientOptions
    {
        ApiKey = Environment["HELODATA_API_KEY"],
        BaseAddress = new Uri(Environment["HELODATA_BASE_URL"]),
    });

    public void Dispose()
    {
        // Its runs log is flushed line by line, so nothing is lost by not asking it to stop.
        _process.Kill();
        _process.WaitForExit();
        _drained.Wait();
        _process.Dispose();
    }
}
