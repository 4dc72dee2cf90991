using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// Options several commands share, with their parsers. A value that does not parse is a parse error
/// naming the option, so it is refused (exit 2) before a client is even built.
/// </summary>
internal static partial class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the service's JSON for the resource (unknown fields included) as one document on stdout.",
    };

    public static Argument<string> Id(string name, string description) => new(name) { Description = description };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name}: '{text}' is not a date; write it as YYYY-MM-DD, such as 2026-05-31.");
            return null;
        },
    };

    public static Option<TimeSpan?> Timeout(string description) => new("--timeout")
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (ParseDuration(text) is { } duration && duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(30))
            {
                return duration;
            }

            result.AddError($"--timeout: '{text}' is not a duration between 1ms and 30 days; write it as 90s, 15m, 2h, 1h30m or 500ms.");
            return null;
        },
    };

    /// <summary>A cron schedule, checked by the SDK's own <see cref="ReportSchedule"/>: what it refuses, this refuses.</summary>
    public static Option<string?> Schedule() => new("--schedule")
    {
        Description = "A standard 5-field cron expression, in UTC, such as \"0 9 * * MON\".",
        HelpName = "CRON",
        CustomParser = result => ParseSchedule(result, "--schedule"),
    };

    /// <summary>
    /// A whole number in a range, or a usage error naming the option: a custom parser, because a
    /// validator reading an <c>int</c> option's value throws on text that is not a number.
    /// </summary>
    public static int ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'.");
        return 0;
    }

    public static string? ParseSchedule(ArgumentResult result, string name)
    {
        var text = result.Tokens[0].Value;
        if (ReportSchedule.TryParse(text, out var schedule, out var error))
        {
            return schedule.Expression;
        }

        result.AddError($"{name}: {error}");
        return null;
    }

    /// <summary>Reads 30d, 90s, 15m, 2h, 1h30m, 500ms, or a plain hh:mm:ss.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (match.Success && match.Length > 0)
        {
            var total = TimeSpan.Zero;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unitStart = part.Value.IndexOfAny(['d', 'h', 'm', 's']);
                if (!long.TryParse(part.Value.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000_000)
                {
                    return null;
                }

                try
                {
                    total += part.Value[unitStart..] switch
                    {
                        "d" => TimeSpan.FromDays(amount),
                        "h" => TimeSpan.FromHours(amount),
                        "m" => TimeSpan.FromMinutes(amount),
                        "s" => TimeSpan.FromSeconds(amount),
                        _ => TimeSpan.FromMilliseconds(amount),
                    };
                }
                catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
                {
                    // Past TimeSpan's range (about 29,000 years): no duration, so the option's own refusal.
                    return null;
                }
            }

            return total;
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    [GeneratedRegex(@"\A(?<part>\d+(ms|d|h|m|s))+\z")]
    private static partial Regex DurationPattern();
}
