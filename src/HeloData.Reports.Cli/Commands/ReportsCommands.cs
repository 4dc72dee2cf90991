using System.CommandLine;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli.Commands;

/// <summary><c>reports list|get|create|update|delete|run</c>: report definitions, and starting a run.</summary>
internal static class ReportsCommands
{
    public static Command Build(CliContext context) => new("reports", "Report definitions: list, show, create, change, delete, run.")
    {
        List(context),
        Get(context),
        Create(context),
        Update(context),
        Delete(context),
        Run(context),
    };

    private static Command List(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List every report (all pages). --json prints an array of the service's report objects.") { json };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var reports = new List<Report>();
            await foreach (var report in client.ListAllReportsAsync(cancellationToken))
            {
                reports.Add(report);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.WriteReports(context.Out, reports);
            }
            else
            {
                Summaries.WriteReports(context.Out, reports);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CliContext context)
    {
        var id = CommonOptions.Id("report-id", "The report's id, such as rep_01HX2K3PQ4M5.");
        var json = CommonOptions.Json();
        var command = new Command("get", "Show a report definition.") { id, json };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            WriteReport(context, await client.GetReportAsync(parse.GetValue(id)!, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The report's name.", HelpName = "N", Required = true };
        var type = new Option<string>("--type") { Description = "What it exports: traffic, requests, invoices, subusers, isp_batches.", HelpName = "T", Required = true };
        var format = new Option<string>("--format") { Description = "The artifact's format: csv, tsv, json, parquet.", HelpName = "F", Required = true };
        var schedule = CommonOptions.Schedule();
        var products = Products();
        var destination = new DestinationOptions(context);
        var json = CommonOptions.Json();
        var command = new Command(
            "create",
            "Create a report. Without a destination option, each completed run offers a download URL.")
        {
            name, type, format, schedule, products, json,
        };
        destination.AddTo(command);
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var report = new NewReport(parse.GetValue(name)!, new ReportType(parse.GetValue(type)!), new ReportFormat(parse.GetValue(format)!))
            {
                Schedule = parse.GetValue(schedule),
                Filters = parse.GetValue(products) is { Length: > 0 } list ? new ReportFilters { Products = [.. list.Select(p => new ReportProduct(p))] } : null,
                Destination = destination.Read(parse),
            };
            WriteReport(context, await client.CreateReportAsync(report, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Update(CliContext context)
    {
        var id = CommonOptions.Id("report-id", "The report to change.");
        var name = new Option<string?>("--name") { Description = "A new name.", HelpName = "N" };
        var schedule = CommonOptions.Schedule();
        var noSchedule = new Option<bool>("--no-schedule") { Description = "Remove the schedule: the report runs on demand only." };
        var format = new Option<string?>("--format") { Description = "A new format: csv, tsv, json, parquet.", HelpName = "F" };
        var products = Products();
        var destination = new DestinationOptions(context);
        var json = CommonOptions.Json();
        var command = new Command("update", "Change a report: only the fields given are sent (a JSON merge-patch).")
        {
            id, name, schedule, noSchedule, format, products, json,
        };
        destination.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(schedule) is not null && result.GetResult(noSchedule) is not null)
            {
                result.AddError("Give --schedule or --no-schedule, not both.");
            }
        });
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var update = new ReportUpdate();
            var changed = false;
            if (parse.GetValue(name) is { } newName)
            {
                update.Name = newName;
                changed = true;
            }

            if (parse.GetValue(schedule) is { } newSchedule)
            {
                update.Schedule = newSchedule;
                changed = true;
            }
            else if (parse.GetValue(noSchedule))
            {
                update.Schedule = null;
                changed = true;
            }

            if (parse.GetValue(format) is { } newFormat)
            {
                update.Format = new ReportFormat(newFormat);
                changed = true;
            }

            if (parse.GetValue(products) is { Length: > 0 } list)
            {
                update.Filters = new ReportFilters { Products = [.. list.Select(p => new ReportProduct(p))] };
                changed = true;
            }

            if (destination.Read(parse) is { } newDestination)
            {
                update.Destination = newDestination;
                changed = true;
            }

            if (!changed)
            {
                throw new UsageException("Nothing to change: give at least one of --name, --schedule, --no-schedule, --format, --product or a destination option.");
            }

            WriteReport(context, await client.UpdateReportAsync(parse.GetValue(id)!, update, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var id = CommonOptions.Id("report-id", "The report to delete.");
        var command = new Command("delete", "Delete a report.") { id };
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var reportId = parse.GetValue(id)!;
            await client.DeleteReportAsync(reportId, cancellationToken);
            context.Out.WriteLine($"Deleted report {reportId}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var id = CommonOptions.Id("report-id", "The report to run.");
        var from = CommonOptions.Date("--from", "The window's first day (UTC), inclusive.");
        var to = CommonOptions.Date("--to", "The window's last day (UTC), inclusive.");
        var wait = new Option<bool>("--wait") { Description = "Wait until the run completes or fails, showing its status." };
        var timeout = CommonOptions.Timeout("With --wait or --download: stop waiting after this long (exit code 5); the run goes on. Default 2h.");
        var download = new Option<string?>("--download")
        {
            Description = "Wait, then download the artifact to this file (or into this folder). Implies --wait.",
            HelpName = "PATH",
        };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a report now. Prints the run id; with --wait, the finished run.")
        {
            id, from, to, wait, timeout, download, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(timeout) is not null && result.GetResult(wait) is null && result.GetResult(download) is null)
            {
                result.AddError("--timeout needs --wait or --download.");
            }
        });
        CommandAction.SetWithClient(command, context, async (client, parse, cancellationToken) =>
        {
            var target = parse.GetValue(download);
            RunSteps.CheckTarget(target, "--download");
            var window = new RunWindow { From = parse.GetValue(from), To = parse.GetValue(to) };
            if (window is { From: { } first, To: { } last } && first > last)
            {
                throw new UsageException($"--from {Formats.Date(first)} is after --to {Formats.Date(last)}.");
            }

            var accepted = await client.RunReportAsync(parse.GetValue(id)!, window, cancellationToken);
            if (!parse.GetValue(wait) && target is null)
            {
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(context.Out, ReportsJson.Serialize(accepted));
                }
                else
                {
                    Summaries.WriteAccepted(context.Out, accepted);
                }

                return ExitCodes.Success;
            }

            context.Error.WriteLine($"Started run {accepted.RunId}");
            var done = await RunSteps.WaitAsync(client, context, accepted.RunId, parse.GetValue(timeout), cancellationToken);
            var path = target is null ? null : RunSteps.TargetPath(target, done);
            if (path is not null)
            {
                await RunSteps.DownloadAsync(client, context, done, path, cancellationToken);
            }

            // Written in place, the artifact may have gone to this very stdout (--download /dev/stdout, a pipe):
            // the run's summary then goes to stderr, so stdout carries the artifact alone.
            WriteRun(path is not null && RunSteps.WrittenInPlace(path) ? context.Error : context.Out, done, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string[]> Products() => new("--product")
    {
        Description = "Only this product (residential, mobile, datacenter, isp); repeat for more. On update, replaces the list.",
        HelpName = "P",
    };

    private static void WriteReport(CliContext context, Report report, bool json)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, ReportsJson.Serialize(report));
        }
        else
        {
            Summaries.WriteReport(context.Out, report);
        }
    }

    internal static void WriteRun(TextWriter output, ReportRun run, bool json)
    {
        if (json)
        {
            JsonOutput.Write(output, ReportsJson.Serialize(run));
        }
        else
        {
            Summaries.WriteRun(output, run);
        }
    }
}
