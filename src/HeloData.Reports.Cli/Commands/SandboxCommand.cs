using System.CommandLine;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// <c>sandbox</c>: the SDK's fake API on loopback, so every other command can be tried without an
/// account. <c>--port</c> fixes the API's port (so <c>HELODATA_BASE_URL</c> can be set once, in a
/// script); without it a free port is taken and printed.
/// </summary>
internal static class SandboxCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command(
            "sandbox",
            $"Start a local fake of the API on a loopback port and print the two variables to set ({Credentials.BaseUrlVariable}, {Credentials.ApiKeyVariable}). Runs until Ctrl-C (then exits 0).");
        var port = new Option<int>("--port")
        {
            Description = "The API's loopback port, 1 to 65535; by default a free one.",
            HelpName = "N",
            CustomParser = result => CommonOptions.ParseWholeNumber(result, "--port", 1, 65535),
        };
        command.Options.Add(port);
        CommandAction.Set(command, context, async (parse, cancellationToken) =>
        {
            ReportsSandbox sandbox;
            try
            {
                sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { ApiPort = parse.GetValue(port) });
            }
            catch (IOException exception)
            {
                throw new UsageException($"--port {parse.GetValue(port)}: the port cannot be used ({exception.Message}).");
            }

            using var owned = sandbox;
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
