using System.CommandLine;
using HeloData.Reports.Cli.Commands;

namespace HeloData.Reports.Cli;

/// <summary>
/// The whole tool behind one call: parse, run the command, return the exit code. The console, the
/// environment and Ctrl-C come in as arguments, so tests run it in-process exactly as a shell would.
/// </summary>
internal static class CliApp
{
    public const string Description = $"""
        helodata-reports: the HeloData Reports API from the command line.

        Credentials: the API key from {Credentials.ApiKeyVariable} (or --api-key-file PATH), a webhook's
        signing secret from {Credentials.WebhookSecretVariable} (or --webhook-secret-file PATH), never from an
        argument ('-' as PATH reads standard input); the base address from {Credentials.BaseUrlVariable}
        (default https://api.helodata.com/v1/). A PostgreSQL connection string (collect) holds no password
        in an argument: the password from PGPASSWORD or ~/.pgpass, or the whole string from env:VAR or file:PATH.
        Output: a summary on stdout, or with --json the service's JSON; diagnostics and progress on stderr.

        {ExitCodes.HelpText}
        """;

    /// <summary>Runs the tool once.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics and progress go.</param>
    /// <param name="environment">Looks up an environment variable.</param>
    /// <param name="cancellationToken">Ctrl-C: a command stops, says how to resume, and the code is 130.</param>
    /// <param name="stderrIsTerminal">Whether <paramref name="stderr"/> is a terminal (live progress lines).</param>
    /// <param name="time">The clock; the system's when <see langword="null"/>.</param>
    /// <param name="stdin">Standard input, read only for a secret file option given as <c>-</c>; empty when <see langword="null"/>.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> environment,
        CancellationToken cancellationToken,
        bool stderrIsTerminal = false,
        TimeProvider? time = null,
        TextReader? stdin = null)
    {
        var context = new CliContext(stdout, stderr, environment, stderrIsTerminal, time ?? TimeProvider.System, stdin);
        // No response files: "@weekly" is a (refused) cron macro to check, not a file to read arguments from.
        var parse = BuildRoot(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}{ExpectedArguments(error)}");
            }

            stderr.WriteLine($"See: helodata-reports {string.Join(' ', CommandPath(parse))} --help".Replace("  ", " ", StringComparison.Ordinal));
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Ctrl-C arrives as cancellationToken (Program wires it), so System.CommandLine must not
            // install a handler of its own; and every exception is already mapped to an exit code.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(Description)
        {
            Credentials.ApiKeyFileOption(),
            ReportsCommands.Build(context),
            RunsCommands.Build(context),
            ScheduleCommands.Build(context),
            SandboxCommand.Build(context),
            CollectCommand.Build(context),
        };
        return root;
    }

    // System.CommandLine names the command whose argument is missing, not the argument: name it too.
    private static string ExpectedArguments(System.CommandLine.Parsing.ParseError error) => error.SymbolResult switch
    {
        System.CommandLine.Parsing.ArgumentResult { Tokens.Count: 0 } missing => $" Expected: <{missing.Argument.Name}>.",
        System.CommandLine.Parsing.CommandResult { Command.Arguments: { Count: > 0 } arguments } result
            when !result.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().Any(a => a.Tokens.Count > 0) =>
            $" Expected: {string.Join(' ', arguments.Select(a => $"<{a.Name}>"))}.",
        _ => string.Empty,
    };

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
