using System.CommandLine;
using System.Globalization;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// The <c>sandbox</c> command's settings: its port, its clock's speed, its seed, the size of its
/// artifacts and the run faults it injects. Each refused value names its option (exit 2).
/// </summary>
internal sealed class SandboxOptions
{
    private readonly Option<int> _port = new("--port")
    {
        Description = "The API's loopback port, 1 to 65535; by default a free one.",
        HelpName = "N",
        CustomParser = result => CommonOptions.ParseWholeNumber(result, "--port", 1, 65535),
    };

    private readonly TimeScaleOptions _time = new(
        "Run the sandbox's clock N times faster than real time, from --time-origin (1 to 1000000): at 20000 a daily schedule fires every 4.3 s. Retention (90 days) and webhook retries are sandbox time; a download URL stays valid one real hour.",
        "With --time-scale: the real instant at which the sandbox's clock starts to run faster, ISO-8601 (2026-06-01T08:00:00.000Z), not later than now; by default now. Printed at start, for collect --time-origin.",
        originRequired: false);

    private readonly Option<string?> _runsLog = new("--runs-log")
    {
        Description = "Write one JSON line to this file (created, or emptied if it exists) for each run as it is created, and one when it completes or fails.",
        HelpName = "FILE",
    };

    private readonly Option<double> _hideRuns = Fraction("--hide-runs", "Keep this fraction (0 to 1) of scheduled runs out of recent_runs; they are still read by id.");
    private readonly Option<double> _failRuns = Fraction("--fail-runs", "Make this fraction (0 to 1) of scheduled runs fail with internal_error.");

    private readonly Option<long?> _artifactRows = new("--artifact-rows")
    {
        Description = "Give every artifact this many data rows (streamed, never held in memory) instead of its window's.",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
            {
                return rows;
            }

            result.AddError($"--artifact-rows must be a whole number of rows, 0 or more, not '{text}'.");
            return null;
        },
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed ids, artifact data and which runs --hide-runs and --fail-runs pick (0 to 2147483647; by default 42).",
        HelpName = "N",
        DefaultValueFactory = _ => 42,
        CustomParser = result => CommonOptions.ParseWholeNumber(result, "--seed", 0, int.MaxValue),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_port);
        _time.AddTo(command);
        foreach (var option in new Option[] { _runsLog, _hideRuns, _failRuns, _artifactRows, _seed })
        {
            command.Options.Add(option);
        }
    }

    public int Port(ParseResult parse) => parse.GetValue(_port);

    /// <inheritdoc cref="TimeScaleOptions.Clock"/>
    public TimeProvider Clock(ParseResult parse, TimeProvider real) => _time.Clock(parse, real);

    public string? RunsLog(ParseResult parse) => parse.GetValue(_runsLog);

    /// <summary>The sandbox's settings, on <paramref name="clock"/>.</summary>
    public ReportsSandboxOptions Sandbox(ParseResult parse, TimeProvider clock) => new()
    {
        ApiPort = parse.GetValue(_port),
        TimeProvider = clock,
        Seed = parse.GetValue(_seed),
        ArtifactRowCount = parse.GetValue(_artifactRows),

        // A client works in real time: a URL that expired in a fraction of a real second could not be fetched.
        DownloadUrlLifetime = TimeSpan.FromHours(1) * parse.GetValue(_time.Scale),
    };

    public void ApplyFaults(ParseResult parse, SandboxFaults faults)
    {
        faults.HideRuns(parse.GetValue(_hideRuns));
        faults.FailRuns(parse.GetValue(_failRuns));
    }

    private static Option<double> Fraction(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "FRACTION",
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and <= 1)
            {
                return fraction;
            }

            result.AddError($"{name} must be a fraction from 0 to 1, such as 0.1, not '{text}'.");
            return 0;
        },
    };
}
