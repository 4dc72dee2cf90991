using HeloData.Reports.Collector.Tests.Support;

namespace HeloData.Reports.Collector.Tests.Hosting;

/// <summary>A collector with no handler would record every run as collected for good: it refuses to start instead.</summary>
public sealed class NoHandlerTests
{
    [Test]
    public async Task A_collector_without_a_handler_refuses_to_start_naming_the_ways_to_add_one_and_records_nothing()
    {
        using var sandbox = SandboxRuns.Start();
        using var temp = new TempFolder();
        var report = await SandboxRuns.CreateReportAsync(sandbox);
        var run = (await SandboxRuns.RunAsync(sandbox, report, 1)).Single();
        await using var collector = CollectorHarness.Start(sandbox, temp.Path, _ => { });

        var pass = (await Assert.ThrowsAsync<InvalidOperationException>(() => collector.Collector.CollectOnceAsync()))!;
        var one = (await Assert.ThrowsAsync<InvalidOperationException>(() => collector.Collector.CollectRunAsync(run, null, RunOrigin.Application)))!;

        foreach (var way in new[] { "AddHandler", "WriteToDirectory", "LoadIntoPostgreSql" })
        {
            Assert.That(pass.Message, Does.Contain(way));
        }

        Assert.That(one.Message, Is.EqualTo(pass.Message));
        Assert.That(await collector.SettledAsync(run.RunId), Is.Empty, "no run recorded as collected");
    }
}
