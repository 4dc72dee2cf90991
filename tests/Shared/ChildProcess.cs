using System.Diagnostics;

namespace HeloData.Reports.TestSupport;

/// <summary>
/// Runs a built program to its end as a separate process, as a user would from a shell, and keeps what
/// it printed. One that does not exit within the guard is killed (with its children) and fails the test.
/// </summary>
internal static class ChildProcess
{
    /// <param name="start">The program, its arguments and environment; standard output and error must be redirected.</param>
    /// <param name="guard">How long it may run.</param>
    /// <param name="whileRunning">Done once it started, before waiting for its end: feed its standard input, look at it from outside.</param>
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo start, TimeSpan guard, Func<Process, Task>? whileRunning = null)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(guard);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process).WaitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not exit on its own.\n{await output}\n{await error}");
        }

        return new ChildProcessResult(process.ExitCode, await output, await error);
    }
}

/// <summary>How a child process ended, and what it printed.</summary>
internal sealed record ChildProcessResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
