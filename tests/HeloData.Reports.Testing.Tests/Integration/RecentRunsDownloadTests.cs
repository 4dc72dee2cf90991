using HeloData.Reports.Models;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// A list's <c>recent_runs</c> carry no download URL (the sandbox, like a service that signs URLs only
/// on request, leaves them out): the client reads such a run once more, and downloads it.
/// </summary>
public sealed class RecentRunsDownloadTests
{
    [Test]
    public async Task A_completed_run_from_recent_runs_downloads_after_one_fresh_read()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        using var client = sandbox.CreateClient();
        var report = await client.CreateReportAsync(new NewReport("recent", ReportType.Traffic, ReportFormat.Csv));
        var done = await client.RunReportAndWaitAsync(report.Id, options: new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });

        var recent = (await client.ListReportsAsync()).RecentRuns.Single(r => r.RunId == done.RunId);
        var readsBefore = sandbox.Requests.Count(r => r.PathAndQuery.EndsWith($"/reports/runs/{done.RunId}", StringComparison.Ordinal));
        using var artifact = new MemoryStream();
        var result = await client.DownloadAsync(recent, artifact);

        Assert.That(recent.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(recent.DownloadUrl, Is.Null, "the list gives no URL");
        Assert.That(result.Bytes, Is.GreaterThan(0).And.EqualTo(artifact.Length));
        Assert.That(
            sandbox.Requests.Count(r => r.PathAndQuery.EndsWith($"/reports/runs/{done.RunId}", StringComparison.Ordinal)) - readsBefore,
            Is.EqualTo(1),
            "read once more, and only once");
    }
}
