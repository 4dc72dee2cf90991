using System.Text.RegularExpressions;

namespace HeloData.Reports.Cli.Tests.Support;

/// <summary>The <c>sandbox</c> command running in-process until Ctrl-C, and the two variables it printed.</summary>
internal sealed partial class SandboxCommandRun
{
    private readonly CancellationTokenSource _interrupt;
    private readonly Task<int> _exit;

    private SandboxCommandRun(CancellationTokenSource interrupt, Task<int> exit, LineSignal output, StringWriter error)
    {
        _interrupt = interrupt;
        _exit = exit;
        Output = output;
        Error = error;
        Environment = SandboxLine().Matches(output.ToString()).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());
    }

    /// <summary>What it printed on stdout.</summary>
    public LineSignal Output { get; }

    /// <summary>What it wrote on stderr.</summary>
    public StringWriter Error { get; }

    /// <summary><c>HELODATA_BASE_URL</c> and <c>HELODATA_API_KEY</c>, as printed.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>Starts <c>sandbox</c> with <paramref name="args"/> on <paramref name="time"/> and waits for its two lines.</summary>
    public static async Task<SandboxCommandRun> StartAsync(string[] args, TimeProvider? time = null)
    {
        var interrupt = new CancellationTokenSource();
        var output = new LineSignal("HELODATA_API_KEY=");
        var error = new StringWriter();
        var exit = CliApp.RunAsync(["sandbox", .. args], TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null, interrupt.Token, time: time);
        await Task.WhenAny(output.Seen, exit).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(output.Seen.IsCompleted, Is.True, $"the sandbox did not start: exit {(exit.IsCompleted ? exit.Result : null)}");
        return new SandboxCommandRun(interrupt, exit, output, error);
    }

    /// <summary>Ctrl-C, and its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _interrupt.CancelAsync();
        var code = await _exit;
        _interrupt.Dispose();
        return code;
    }

    [GeneratedRegex(@"^(?<name>HELODATA_\w+)=(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex SandboxLine();
}

/// <summary>A stdout that signals when the tool writes a line starting with a given text.</summary>
internal sealed class LineSignal(string trigger) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.StartsWith(trigger, StringComparison.Ordinal) == true)
        {
            _seen.TrySetResult();
        }
    }
}
