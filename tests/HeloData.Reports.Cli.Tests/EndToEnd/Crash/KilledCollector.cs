using System.Diagnostics;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// One collector instance of the crash test: <c>helodata-reports collect</c> as a process of its own, killed with
/// SIGKILL at a random moment 5 to 20 s after it started, and started again under the same instance name, until
/// told to stop. A life that ends by itself is a failure of the tool, kept with what it printed last.
/// </summary>
internal sealed class KilledCollector(string instance, Func<ProcessStartInfo> start, Random random)
{
    private readonly List<string> _unexpectedExits = [];
    private readonly Queue<string> _lastLines = new();

    public string Instance { get; } = instance;

    public int Kills { get; private set; }

    /// <summary>The lives that ended by themselves (exit code and the last lines on stderr).</summary>
    public IReadOnlyList<string> UnexpectedExits => _unexpectedExits;

    /// <summary>Starts, kills and restarts the collector until <paramref name="stop"/>; its last life is killed too.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var process = Process.Start(start())!;
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = KeepLastLinesAsync(process.StandardError);
            using var life = CancellationTokenSource.CreateLinkedTokenSource(stop);
            life.CancelAfter(TimeSpan.FromSeconds(5 + (random.NextDouble() * 15)));
            try
            {
                await process.WaitForExitAsync(life.Token);
                await Task.WhenAll(output, error);
                lock (_lastLines)
                {
                    _unexpectedExits.Add($"{Instance} exited by itself with {process.ExitCode}:\n{string.Join('\n', _lastLines)}");
                }
            }
            catch (OperationCanceledException)
            {
                // kill -9: no handler runs, no claim is released, nothing is flushed.
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                await Task.WhenAll(output, error);
                Kills++;
            }
        }
    }

    private async Task KeepLastLinesAsync(StreamReader error)
    {
        while (await error.ReadLineAsync() is { } line)
        {
            lock (_lastLines)
            {
                _lastLines.Enqueue(line);
                if (_lastLines.Count > 20)
                {
                    _lastLines.Dequeue();
                }
            }
        }
    }
}
