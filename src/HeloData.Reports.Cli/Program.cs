namespace HeloData.Reports.Cli;

/// <summary>
/// The process edge only: the console, the environment and Ctrl-C. Everything else is <see cref="CliApp"/>,
/// which the tests drive in-process with their own writers and environment.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C asks the command to stop cleanly (a wait prints its run id); a second one
            // is left to the runtime, so a stuck command can still be killed from the keyboard.
            if (!interrupted.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupted.Cancel();
            }
        };

        // A closed stdout or stderr is not the command's failure: what cannot be written is dropped.
        return await CliApp.RunAsync(
            args,
            new StandardStreamWriter(Console.Out),
            new StandardStreamWriter(Console.Error),
            Environment.GetEnvironmentVariable,
            interrupted.Token,
            stderrIsTerminal: !Console.IsErrorRedirected,
            stdin: Console.In);
    }
}
