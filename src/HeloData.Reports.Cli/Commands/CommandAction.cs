using System.CommandLine;

namespace HeloData.Reports.Cli.Commands;

/// <summary>The one way a command runs: every failure becomes a message on stderr and its exit code (<see cref="Failures"/>).</summary>
internal static class CommandAction
{
    /// <summary>A command that needs no client (offline, or the sandbox).</summary>
    public static void Set(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await body(parse, cancellationToken);
            }
            catch (Exception e)
            {
                return Failures.Report(context, e, cancellationToken);
            }
        });

    /// <summary>A command that calls the service; the client is built (credentials read) only once the arguments parsed.</summary>
    public static void SetWithClient(Command command, CliContext context, Func<IReportsClient, ParseResult, CancellationToken, Task<int>> body) =>
        Set(command, context, async (parse, cancellationToken) =>
        {
            using var client = Credentials.CreateClient(context, parse);
            return await body(client, parse, cancellationToken);
        });
}
