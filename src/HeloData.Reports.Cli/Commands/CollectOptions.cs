using System.CommandLine;
using System.CommandLine.Parsing;
using HeloData.Reports.Cli.Collect;
using HeloData.Reports.Collector;

namespace HeloData.Reports.Cli.Commands;

/// <summary>The options of <c>collect</c>, each checked as it is parsed, so a bad one is a usage error naming it.</summary>
internal sealed class CollectOptions
{
    public Option<string?> Out { get; } = new("--out")
    {
        Description = "The directory sink: each run as {report}/{from}_{to}_{run}.{ext} under this folder, written atomically.",
        HelpName = "DIR",
        CustomParser = ParseFolder,
    };

    public Option<ConnectionSource?> Postgres { get; } = new("--postgres")
    {
        Description = $"The PostgreSQL table sink: each run's rows into one table per report type, loaded in one transaction with binary COPY. CONNSTR is {ConnectionSource.Forms}.",
        HelpName = "CONNSTR",
        CustomParser = result => ConnectionSource.Parse(result, "--postgres", result.Tokens[0].Value),
    };

    public Option<StateLocation> State { get; } = new(StateLocation.Option)
    {
        Description = $"Where the collector records what it did: sqlite:PATH (one instance; default {StateLocation.Default}) or postgres:CONNSTR (several instances share the work).",
        HelpName = "sqlite:PATH|postgres:CONNSTR",
        CustomParser = result => StateLocation.Parse(result)!,
        DefaultValueFactory = result => StateLocation.Parse(result)!,
    };

    public Option<TimeSpan?> Since { get; } = new("--since")
    {
        Description = "How far back a first start looks, such as 30d or 12h; at most 90d (the service keeps runs 90 days). Default 30d; later starts go on from each report's checkpoint.",
        HelpName = "DURATION",
        CustomParser = result => ParseDuration(result, "--since", TimeSpan.FromSeconds(1), ReportsCollectorOptions.MaxSince, "from 1s to 90d"),
    };

    public Option<TimeSpan?> PollInterval { get; } = new("--poll-interval")
    {
        Description = "How often the reports are listed, such as 1m or 30s; from 1s to 1d. Default 5m.",
        HelpName = "DURATION",
        CustomParser = result => ParseDuration(result, "--poll-interval", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "from 1s to 1d"),
    };

    public Option<TimeSpan?> GracePeriod { get; } = new("--grace-period")
    {
        Description = "How long after a scheduled occurrence its run may still appear before the occurrence counts as a gap, such as 2h; from 5m to 30d. Default 1h.",
        HelpName = "DURATION",
        CustomParser = result => ParseDuration(result, "--grace-period", TimeSpan.FromMinutes(5), TimeSpan.FromDays(30), "from 5m to 30d"),
    };

    public Option<TimeSpan?> ClaimLease { get; } = new("--claim-lease")
    {
        Description = "How long a claim on a run holds unless renewed (every third of it while the run's sinks work): another instance takes over a run whose instance died after this long. From 1s to 30d. Default 1m.",
        HelpName = "DURATION",
        CustomParser = result => ParseDuration(result, "--claim-lease", TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), "from 1s to 30d"),
    };

    /// <summary><c>--time-scale</c> and <c>--time-origin</c>: the sandbox's clock, for a rehearsal.</summary>
    public TimeScaleOptions Time { get; } = new(
        "Rehearse against a time-scaled sandbox: run the collector's clock N times faster than real time from --time-origin, as the sandbox's (1 to 1000000). Every duration (--since, --poll-interval, --grace-period, --claim-lease) is then in sandbox time.",
        "With --time-scale: the sandbox's clock origin, the ISO-8601 instant it printed at start (2026-06-01T08:00:00.000Z).",
        originRequired: true);

    public Option<bool> Backfill { get; } = new("--backfill")
    {
        Description = "Replace a scheduled run that never came (a gap) by an on-demand run for the same window, and collect it. Off, gaps are only reported.",
    };

    public Option<IReadOnlyList<string>> Reports { get; } = new("--reports")
    {
        Description = "Collect only these reports, comma-separated (rep_a,rep_b) or repeated; by default every report of the account.",
        HelpName = "ID[,ID...]",
        CustomParser = ParseReports,
    };

    public Option<bool> Once { get; } = new("--once")
    {
        Description = "One pass, then exit 0 (for cron jobs and CI); without it, a pass every --poll-interval until Ctrl-C.",
    };

    public Option<string?> Instance { get; } = new("--instance")
    {
        Description = "This instance's name in the state's claims: the same across restarts, different for every instance sharing one state. Default: the machine's name.",
        HelpName = "NAME",
        CustomParser = ParseInstance,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the summary (what the passes did, the state and the sinks) as one JSON document on stdout.",
    };

    /// <summary>Every option but <see cref="Time"/>'s, which <see cref="TimeScaleOptions.AddTo"/> adds with its rule.</summary>
    public IEnumerable<Option> All => [Out, Postgres, State, Since, PollInterval, GracePeriod, ClaimLease, Backfill, Reports, Once, Instance, Json];

    private static string? ParseFolder(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (text.Length > 0 && !File.Exists(text))
        {
            return text;
        }

        result.AddError(text.Length == 0 ? "--out: give a folder." : $"--out: '{text}' is a file; give a folder (created when missing).");
        return null;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result, string name, TimeSpan min, TimeSpan max, string range)
    {
        var text = result.Tokens[0].Value;
        if (CommonOptions.ParseDuration(text) is { } duration && duration >= min && duration <= max)
        {
            return duration;
        }

        result.AddError($"{name}: '{text}' is not a duration {range}; write it as 30d, 12h, 15m or 90s.");
        return null;
    }

    private static IReadOnlyList<string> ParseReports(ArgumentResult result)
    {
        var ids = new List<string>();
        foreach (var id in result.Tokens.SelectMany(token => token.Value.Split(',')))
        {
            if (id.Length == 0 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                result.AddError($"--reports: '{id}' is not a report id; write rep_a,rep_b with no spaces or empty entries.");
                return [];
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static string? ParseInstance(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (text.Length is > 0 and <= 128 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return text;
        }

        result.AddError($"--instance: '{text}' is not an instance name: 1 to 128 characters, no spaces.");
        return null;
    }
}
