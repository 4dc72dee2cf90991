using System.CommandLine;
using HeloData.Reports.Cli.Collect;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// <c>collect</c>: every run of the account's reports into a directory and/or a PostgreSQL table, each run once,
/// recorded in a state that survives restarts (SQLite) or that several instances share (PostgreSQL). It runs the
/// collector an application registers with <c>AddHeloReportsCollector</c>, with the same code.
/// </summary>
internal static class CollectCommand
{
    public static Command Build(CliContext context)
    {
        var options = new CollectOptions();
        var command = new Command(
            "collect",
            "Collect every completed run of the account's reports into --out DIR and/or --postgres CONNSTR, each run once, "
            + "with what was collected recorded in --state; a pass every --poll-interval until Ctrl-C, or one with --once. "
            + "Progress on stderr. Ctrl-C releases the runs in flight (the next collect takes them) and exits 130. "
            + "A connection string never holds its password in an argument: use PGPASSWORD, ~/.pgpass, or env:VAR / file:PATH for the whole string.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        options.Time.AddTo(command);

        command.Validators.Add(result =>
        {
            if (result.GetResult(options.Out) is null && result.GetResult(options.Postgres) is null)
            {
                result.AddError("collect needs at least one sink: --out DIR (a file per run) and/or --postgres CONNSTR (a table per report type).");
            }
        });
        CommandAction.Set(command, context, async (parse, cancellationToken) =>
        {
            var settings = Settings(context, parse, options);
            return await CollectRunner.RunAsync(context, settings, parse.GetValue(options.Json), cancellationToken);
        });
        return command;
    }

    // Secrets are read here, once the arguments parsed: the API key, and connection strings given as env:/file:.
    private static CollectSettings Settings(CliContext context, ParseResult parse, CollectOptions options)
    {
        var state = parse.GetValue(options.State)!;
        return new CollectSettings
        {
            Client = Credentials.ReadOptions(context, parse),
            OutDirectory = parse.GetValue(options.Out) is { } folder ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) : null,
            PostgresSink = parse.GetValue(options.Postgres)?.Resolve(context),
            SqliteState = state.SqlitePath is { } path ? Path.GetFullPath(path) : null,
            PostgresState = state.Postgres?.Resolve(context),
            Reports = parse.GetValue(options.Reports) ?? [],
            Since = parse.GetValue(options.Since),
            PollInterval = parse.GetValue(options.PollInterval),
            GracePeriod = parse.GetValue(options.GracePeriod),
            ClaimLease = parse.GetValue(options.ClaimLease),
            Clock = options.Time.Clock(parse, context.Time),
            Backfill = parse.GetValue(options.Backfill),
            InstanceName = parse.GetValue(options.Instance),
            Once = parse.GetValue(options.Once),
        };
    }
}
