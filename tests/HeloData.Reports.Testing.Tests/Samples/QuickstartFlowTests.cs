using HeloData.Reports.Quickstart;

namespace HeloData.Reports.Testing.Tests.Samples;

/// <summary>The README's first command, the quickstart's flow, against the sandbox it embeds.</summary>
public sealed class QuickstartFlowTests
{
    [Test]
    public async Task The_quickstart_flow_prints_every_step_and_leaves_no_report_behind()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = new RunTimeline(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)) });
        using var client = sandbox.CreateClient();
        using var output = new StringWriter();

        await new QuickstartFlow(client, output).RunAsync(CancellationToken.None);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.That(lines[0], Does.Match("^1\\. Created report rep_\\w+ 'weekly-traffic' \\(traffic, csv, schedule '0 9 \\* \\* MON'\\)$"));
        Assert.That(lines[1], Does.StartWith("2. Next 3 scheduled runs: Mon "));
        Assert.That(lines[2], Does.Match("^3\\. Started run run_\\w+ for 2026-05-01\\.\\.2026-05-28$"));
        Assert.That(lines[3], Does.StartWith("4. Waiting:").And.EndWith("completed"));
        Assert.That(lines[4], Does.StartWith("5. Downloaded "));
        Assert.That(lines[5], Is.EqualTo("6. First lines:"));
        Assert.That(lines[6], Is.EqualTo("   date,subuser_id,product,bandwidth_bytes,requests"));
        Assert.That(output.ToString(), Does.Contain("7. Deleted report"));
        Assert.That(output.ToString(), Does.Not.Contain(sandbox.ApiKey));
        Assert.That(sandbox.ReportCount, Is.Zero);
        Assert.That(sandbox.DownloadHostSawCredentials, Is.False);
    }

    [Test]
    public async Task A_failed_run_fails_the_flow_with_its_code_and_the_report_is_still_deleted()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Failing("internal_error", "exporter crashed", TimeSpan.Zero) });
        using var client = sandbox.CreateClient();
        using var output = new StringWriter();

        var error = await Fails.With(() => new QuickstartFlow(client, output).RunAsync(CancellationToken.None));

        Assert.That(error.ErrorCode.ToString(), Is.EqualTo("internal_error"));
        Assert.That(output.ToString(), Does.Contain("7. Deleted report"));
        Assert.That(sandbox.ReportCount, Is.Zero);
    }
}
