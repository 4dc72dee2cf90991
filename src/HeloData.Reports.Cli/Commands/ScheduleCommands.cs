using System.CommandLine;
using System.Globalization;

namespace HeloData.Reports.Cli.Commands;

/// <summary><c>schedule next</c>: a cron preview, offline, by the SDK's own <see cref="ReportSchedule"/>.</summary>
internal static class ScheduleCommands
{
    public static Command Build(CliContext context) => new("schedule", "Cron schedules, checked and previewed offline.")
    {
        Next(context),
    };

    private static Command Next(CliContext context)
    {
        var expression = new Argument<string>("cron")
        {
            Description = "A standard 5-field cron expression, in UTC, such as \"0 9 * * MON\" (quote it).",
            CustomParser = result => CommonOptions.ParseSchedule(result, "cron"),
        };
        var count = new Option<int>("--count")
        {
            Description = "How many occurrences: 1 to 1000.",
            HelpName = "N",
            DefaultValueFactory = _ => 5,
            CustomParser = result => CommonOptions.ParseWholeNumber(result, "--count", 1, 1000),
        };
        var zone = new Option<TimeZoneInfo?>("--time-zone")
        {
            Description = "Show the times in this zone (an IANA id such as Europe/Berlin); the schedule itself stays UTC.",
            HelpName = "ZONE",
            CustomParser = result =>
            {
                var id = result.Tokens[0].Value;
                if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
                {
                    return found;
                }

                result.AddError($"--time-zone: '{id}' is not a time zone this machine knows; use an IANA id such as Europe/Berlin.");
                return null;
            },
        };
        var json = new Option<bool>("--json") { Description = "Print the occurrences as a JSON array of RFC 3339 timestamps." };
        var command = new Command("next", "Print the next times a cron schedule fires. Refuses what the API refuses (a seconds field, @macros, a schedule that never fires).")
        {
            expression, count, zone, json,
        };
        CommandAction.Set(command, context, (parse, _) =>
        {
            var schedule = ReportSchedule.Parse(parse.GetValue(expression)!);
            var now = context.Time.GetUtcNow();
            var timeZone = parse.GetValue(zone);
            var times = timeZone is null
                ? schedule.GetNextOccurrences(now, parse.GetValue(count))
                : schedule.GetNextOccurrences(now, parse.GetValue(count), timeZone);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteTimes(context.Out, times);
            }
            else
            {
                foreach (var time in times)
                {
                    var offset = timeZone is null ? "UTC" : time.ToString("zzz", CultureInfo.InvariantCulture);
                    context.Out.WriteLine($"{time.ToString("ddd yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture)} {offset}");
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
