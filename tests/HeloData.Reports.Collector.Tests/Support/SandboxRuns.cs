using HeloData.Reports.Models;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>Reports and completed on-demand runs in a sandbox, made through its API as a user would.</summary>
internal static class SandboxRuns
{
    public static ReportsSandbox Start() => ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });

    public static async Task<Report> CreateReportAsync(ReportsSandbox sandbox, ReportFormat? format = null, string name = "collected")
    {
        using var client = sandbox.CreateClient();
        return await client.CreateReportAsync(new NewReport(name, ReportType.Traffic, format ?? ReportFormat.Csv));
    }

    /// <summary>Completed runs of the report, one per week from 2026-05-04 on.</summary>
    public static async Task<IReadOnlyList<ReportRun>> RunAsync(ReportsSandbox sandbox, Report report, int runs)
    {
        using var client = sandbox.CreateClient();
        var done = new List<ReportRun>();
        for (var i = 0; i < runs; i++)
        {
            var from = new DateOnly(2026, 5, 4).AddDays(7 * i);
            var window = new RunWindow { From = from, To = from.AddDays(6) };
            done.Add(await client.RunReportAndWaitAsync(report.Id, window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero }));
        }

        return done;
    }
}
