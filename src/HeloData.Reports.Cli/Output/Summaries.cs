using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>The default, readable output: one aligned "field value" line each, or a table for lists.</summary>
internal static class Summaries
{
    public static void WriteReport(TextWriter output, Report report)
    {
        var products = report.Filters?.Products is { Count: > 0 } list ? string.Join(", ", list) : "all";
        Lines(
            output,
            ("id", report.Id),
            ("name", report.Name),
            ("type", report.Type.ToString()),
            ("format", report.Format.ToString()),
            ("products", products),
            ("schedule", report.Schedule is null ? "on demand" : $"{report.Schedule} (UTC)"),
            ("next run", Formats.Timestamp(report.NextRunAt)),
            // The destinations' own ToString never shows a signing secret or a URL's query.
            ("destination", report.Destination?.ToString() ?? "none (download URL)"),
            ("created", Formats.Timestamp(report.CreatedAt)),
            ("updated", Formats.Timestamp(report.UpdatedAt)));
    }

    public static void WriteReports(TextWriter output, IReadOnlyList<Report> reports)
    {
        if (reports.Count == 0)
        {
            output.WriteLine("No reports.");
            return;
        }

        string[] header = ["ID", "NAME", "TYPE", "FORMAT", "SCHEDULE", "NEXT RUN"];
        var rows = reports.Select(r => new[] { r.Id, r.Name, r.Type.ToString(), r.Format.ToString(), r.Schedule ?? "on demand", Formats.Timestamp(r.NextRunAt) }).ToList();
        var widths = header.Select((title, i) => Math.Max(title.Length, rows.Max(row => row[i].Length))).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    public static void WriteRun(TextWriter output, ReportRun run)
    {
        var lines = new List<(string, string)>
        {
            ("run", run.RunId),
            ("report", run.ReportId),
            ("status", run.Status.ToString()),
            ("window", $"{Formats.Date(run.From)} .. {Formats.Date(run.To)}"),
            ("created", Formats.Timestamp(run.CreatedAt)),
            ("completed", Formats.Timestamp(run.CompletedAt)),
        };
        if (run.Error is { } error)
        {
            lines.Add(("error", $"{error.Code}: {error.Message}"));
        }

        // The signed URL is a credential for the artifact until it expires: --json shows it, the summary
        // only says how to use it.
        if (run.DownloadUrl is not null)
        {
            lines.Add(("download", $"available until {Formats.Timestamp(run.DownloadUrlExpiresAt)}: helodata-reports runs download {run.RunId}"));
        }

        Lines(output, [.. lines]);
    }

    public static void WriteAccepted(TextWriter output, RunAccepted accepted) =>
        Lines(output, ("run", accepted.RunId), ("status", accepted.Status.ToString()));

    private static void Lines(TextWriter output, params (string Name, string Value)[] lines)
    {
        var width = lines.Max(line => line.Name.Length) + 2;
        foreach (var (name, value) in lines)
        {
            output.WriteLine($"{name.PadRight(width)}{value}");
        }
    }
}
