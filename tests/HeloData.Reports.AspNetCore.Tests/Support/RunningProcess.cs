using System.Diagnostics;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>
/// A program left running in a process of its own, its standard output collected line by line so a test can
/// wait for a line, then end it the way a crash does: kill -9 (<see cref="Process.Kill()"/>), no shutdown at all.
/// </summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);

    private RunningProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (_lines)
                {
                    _lines.Add(text);
                }

                _newLine.Release();
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                TestContext.Progress.WriteLine($"[receiver stderr] {text}");
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static RunningProcess Start(ProcessStartInfo start) => new(start);

    /// <summary>Waits for a line equal to <paramref name="expected"/>; fails the test if the process exits or stays silent for <paramref name="patience"/>.</summary>
    public async Task WaitForLineAsync(string expected, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!Lines.Contains(expected))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The receiver exited ({_process.ExitCode}) before printing '{expected}'.\n{string.Join('\n', Lines)}");
            }

            try
            {
                await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The receiver did not print '{expected}' within {patience.TotalSeconds} s.\n{string.Join('\n', Lines)}");
            }
        }
    }

    /// <summary>kill -9: the process gets no chance to finish, flush or clean up anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _newLine.Dispose();
    }
}
