using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HeloData.Reports.Cli.Sandbox;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// <c>--time-scale N</c> and <c>--time-origin INSTANT</c>, which <c>sandbox</c> and <c>collect</c> share: at the
/// origin the clock reads the real time, and from there each real second is N seconds. A sandbox and the collectors
/// rehearsing against it given the same two values read the same time, so the collectors judge the sandbox's
/// schedule on the sandbox's clock. Refusals are usage errors naming the option (exit 2).
/// </summary>
internal sealed class TimeScaleOptions
{
    /// <summary>How an origin is written, and printed by the sandbox (whole milliseconds, UTC).</summary>
    public const string OriginFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly string[] OriginFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    // Past this the scaled clock's dates would soon overflow (DateTimeOffset ends with the year 9999).
    private static readonly DateTimeOffset LatestScaledNow = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly bool _originRequired;

    /// <param name="scaleDescription">What the scale means for the command.</param>
    /// <param name="originDescription">What the origin means for the command.</param>
    /// <param name="originRequired">Whether a scale needs an origin (<c>collect</c>: its clock must be the sandbox's).</param>
    public TimeScaleOptions(string scaleDescription, string originDescription, bool originRequired)
    {
        _originRequired = originRequired;
        Scale = new("--time-scale")
        {
            Description = scaleDescription,
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = result => CommonOptions.ParseWholeNumber(result, "--time-scale", 1, 1_000_000),
        };
        Origin = new("--time-origin")
        {
            Description = originDescription,
            HelpName = "INSTANT",
            CustomParser = ParseOrigin,
        };
    }

    public Option<int> Scale { get; }

    public Option<DateTimeOffset?> Origin { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Scale);
        command.Options.Add(Origin);
        command.Validators.Add(result =>
        {
            var (scale, origin) = (result.GetResult(Scale) is { Implicit: false }, result.GetResult(Origin) is not null);
            if (origin && !scale)
            {
                result.AddError("--time-origin needs --time-scale: the origin is where a scaled clock starts to run faster.");
            }
            else if (scale && !origin && _originRequired)
            {
                result.AddError("--time-scale needs --time-origin, the instant the sandbox printed at start: without it this clock would not read the sandbox's time.");
            }
        });
    }

    /// <summary>
    /// The clock the options ask for: <paramref name="real"/> at scale 1, else a <see cref="ScaledTimeProvider"/> over
    /// it from the origin given, or from now (whole milliseconds, so the origin printed is the origin used).
    /// </summary>
    /// <exception cref="UsageException">The origin is later than now, or so far back that the scaled clock overflows.</exception>
    public TimeProvider Clock(ParseResult parse, TimeProvider real)
    {
        var scale = parse.GetValue(Scale);
        var now = real.GetUtcNow();
        var origin = parse.GetValue(Origin) ?? new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        if (scale == 1)
        {
            return real;
        }

        var text = origin.UtcDateTime.ToString(OriginFormat, CultureInfo.InvariantCulture);
        if (origin > now)
        {
            throw new UsageException($"--time-origin {text} is later than now ({now.UtcDateTime.ToString(OriginFormat, CultureInfo.InvariantCulture)}); give the origin the sandbox printed at start.");
        }

        var clock = new ScaledTimeProvider(real, scale, origin);
        try
        {
            if (clock.GetUtcNow() < LatestScaledNow)
            {
                return clock;
            }
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentOutOfRangeException)
        {
            // Too far back: the product overflows, said below.
        }

        throw new UsageException($"--time-origin {text} is too far back for --time-scale {scale}: the scaled clock would read past the year 9000.");
    }

    private static DateTimeOffset? ParseOrigin(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (DateTimeOffset.TryParseExact(text, OriginFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var origin))
        {
            return origin;
        }

        result.AddError($"--time-origin: '{text}' is not an instant; write it in ISO-8601 with its offset, such as 2026-06-01T08:00:00.000Z.");
        return null;
    }
}
