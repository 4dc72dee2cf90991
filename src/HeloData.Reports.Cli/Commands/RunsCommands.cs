using System.CommandLine;

namespace HeloData.Reports.Cli.Commands;

/// <summary><c>runs get|wait|download</c>: a run by its id, whoever started it.</summary>
internal static class RunsCommands
{
    public static Command Build(CliContext context) => new("runs", "Runs: status, waiting, downloading.")
    {
        Get(context),
        Wait(context),
        Download(context),
    };

    private static Command Get(CliContext context)
    {
        var id = RunId();
        var json = CommonOptions.Json();
        var command = new Command("get", "Show a run's status.") { id, json };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            ReportsCommands.WriteRun(context.Out, await RunSteps.ReadAsync(client, parse.GetValue(id)!, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Wait(CliContext context)
    {
        var id = RunId();
        var timeout = CommonOptions.Timeout("Stop waiting after this long (exit code 5); the run goes on. Default 2h.");
        var json = CommonOptions.Json();
        var command = new Command("wait", "Wait until a run completes (exit 0) or fails (exit 4), showing its status.") { id, timeout, json };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            // One read before the wait: the wait outlasts a failed poll (until --timeout), so a wrong address
            // (nothing listening, no such host) would otherwise show as a silent wait instead of an error.
            await RunSteps.ReadAsync(client, parse.GetValue(id)!, cancellationToken);
            var done = await RunSteps.WaitAsync(client, context, parse.GetValue(id)!, parse.GetValue(timeout), cancellationToken);
            ReportsCommands.WriteRun(context.Out, done, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Download(CliContext context)
    {
        var id = RunId();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The file to write (or a folder to write into); by default the artifact's own name in the current folder. Replaced only once the download is complete; a symlink is followed; a device, FIFO or socket (/dev/stdout) is written in place.",
            HelpName = "PATH",
        };
        var command = new Command("download", "Download a completed run's artifact. Prints the file's path (nothing for a device, FIFO or socket, so -o /dev/stdout carries only the artifact).") { id, output };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var requested = parse.GetValue(output);
            RunSteps.CheckTarget(requested, "--output");
            var run = await RunSteps.ReadAsync(client, parse.GetValue(id)!, cancellationToken);
            var path = RunSteps.TargetPath(requested, run);
            await RunSteps.DownloadAsync(client, context, run, path, cancellationToken);
            if (!RunSteps.WrittenInPlace(path))
            {
                context.Out.WriteLine(Path.GetFullPath(path));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> RunId() => CommonOptions.Id("run-id", "The run's id, such as run_01HX2K3PQ4M5.");
}
