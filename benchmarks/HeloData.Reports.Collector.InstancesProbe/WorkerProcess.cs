using System.Diagnostics;
using System.Globalization;

namespace HeloData.Reports.Collector.InstancesProbe;

/// <summary>A worker (this program, <c>worker</c>) in a process of its own, and what it reports on its standard output.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string[]> _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<int> _collected;

    private WorkerProcess(Process process, Action<int> collected)
    {
        _process = process;
        _collected = collected;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[worker {process.Id}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The worker's CPU time since <see cref="Go"/>, at its last pass.</summary>
    public double CpuMilliseconds { get; private set; }

    /// <summary>Passes the worker finished.</summary>
    public int Passes { get; private set; }

    /// <summary>Runs collected, as its passes reported them.</summary>
    public int Collected { get; private set; }

    public Task Ready => _ready.Task;

    /// <param name="environment">The worker's settings (<see cref="WorkerSettings"/>).</param>
    /// <param name="collected">Called with each pass's count of runs collected.</param>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, Action<int> collected)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }

        start.ArgumentList.Add("worker");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("The worker did not start."), collected);
    }

    public void Go() => _process.StandardInput.WriteLine("go");

    /// <summary>Asks the worker to stop after its pass, and returns the runs it handled.</summary>
    public async Task<string[]> StopAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("stop".AsMemory(), cancellationToken);
        var handled = await _handled.Task.WaitAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        return handled;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        switch (line?.Split(' '))
        {
            case null:
                _ready.TrySetException(new InvalidOperationException("The worker exited before it was ready."));
                _handled.TrySetException(new InvalidOperationException("The worker exited without its report."));
                break;
            case ["ready"]:
                _ready.TrySetResult();
                break;
            case ["pass", var collected, var cpu, var failed]:
                CpuMilliseconds = double.Parse(cpu, CultureInfo.InvariantCulture);
                Collected += int.Parse(collected, CultureInfo.InvariantCulture);
                Passes++;
                if (failed != "0")
                {
                    Console.Error.WriteLine($"[worker {_process.Id}] {failed} run(s) failed in a pass");
                }

                _collected(int.Parse(collected, CultureInfo.InvariantCulture));
                break;
            case ["handled", var ids]:
                _handled.TrySetResult(ids.Length == 0 ? [] : ids.Split(','));
                break;
            case ["handled"]:
                _handled.TrySetResult([]);
                break;
            default:
                Console.Error.WriteLine($"[worker {_process.Id}] {line}");
                break;
        }
    }
}
