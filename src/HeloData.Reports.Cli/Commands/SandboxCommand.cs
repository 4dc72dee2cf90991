using System.CommandLine;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// <c>sandbox</c>: the SDK's fake API on loopback, so every other command can be tried without an
/// account. <see cref="ReportsSandbox"/> always takes a free port of its own (it has no option for a
/// fixed one), so this command has no <c>--port</c>: it prints the address it got.
/// </summary>
internal static class SandboxCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command(
            "sandbox",
            "Start a local fake of the API on a free loopback port and print the two variables to set (HELODATA_BASE_URL, HELODATA_API_KEY). Runs until Ctrl-C (then exits 0).");
        CommandAction.Set(command, context, async (_, cancellationToken) =>
        {
            using var sandbox = ReportsSandbox.Start();
            context.Out.WriteLine($"{Credentials.BaseUrlVariable}={sandbox.ApiBaseAddress}");
            // A sandbox key, valid only against this process: printing it is the point of the command.
            context.Out.WriteLine($"{Credentials.ApiKeyVariable}={sandbox.ApiKey}");
            await context.Out.FlushAsync(CancellationToken.None);
            context.Error.WriteLine("Sandbox running: set the two variables above in another shell (export them) and try the other commands. Ctrl-C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how a sandbox is meant to end, not an interruption.
            }

            context.Error.WriteLine("Sandbox stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}
