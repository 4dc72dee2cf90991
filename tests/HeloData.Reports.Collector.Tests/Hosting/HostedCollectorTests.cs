using HeloData.Reports.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Collector.Tests.Hosting;

/// <summary>The hosted service: a pass at start and one every PollInterval of the TimeProvider; on stop, the run in flight is released, not left claimed.</summary>
public sealed class HostedCollectorTests : SandboxFixture
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_host_collects_at_start_and_again_each_poll_interval_of_its_clock()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var first = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var collected = new System.Collections.Concurrent.BlockingCollection<string>();
        using var host = Build(time, b => b.AddHandler("seen", (run, _) =>
        {
            collected.Add(run.RunId);
            return Task.CompletedTask;
        }));

        await host.StartAsync();
        var atStart = Take(collected);
        using var client = Sandbox.CreateClient();
        var second = await client.RunReportAndWaitAsync(report.Id, new() { From = new(2026, 7, 1), To = new(2026, 7, 7) }, new() { InitialDelay = TimeSpan.Zero });
        time.Advance(TimeSpan.FromMinutes(5));
        var afterInterval = Take(collected);
        await host.StopAsync();

        Assert.That((atStart, afterInterval), Is.EqualTo((first.RunId, second.RunId)));
    }

    [Test]
    public async Task Stopping_the_host_cancels_the_handler_in_flight_and_releases_its_run()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = new InMemoryCollectorState();
        using var host = Build(TimeProvider.System, b => b.AddHandler("waits", async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }), state);

        await host.StartAsync();
        await started.Task.WaitAsync(Bound);
        await host.StopAsync();

        var other = new InMemoryCollectorStateStore("b", TimeProvider.System, state);
        var claim = await other.TryClaimAsync(new RunRecord { RunId = run.RunId, ReportId = report.Id, From = run.From!.Value, To = run.To!.Value }, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That((claim.Status, claim.Attempt, claim.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, false)), "released at once, not left to lapse, and not collected");
    }

    [Test]
    public void A_host_whose_collector_options_are_wrong_does_not_start_and_says_which()
    {
        using var host = Build(TimeProvider.System, b => b.AddHandler("none", (_, _) => Task.CompletedTask), configure: o => o.PollInterval = TimeSpan.Zero);

        Assert.That(() => host.StartAsync(), Throws.TypeOf<Microsoft.Extensions.Options.OptionsValidationException>().With.Message.Contains("ReportsCollectorOptions.PollInterval"));
    }

    private static string Take(System.Collections.Concurrent.BlockingCollection<string> collected) =>
        collected.TryTake(out var runId, Bound) ? runId : throw new TimeoutException("No run was collected.");

    private IHost Build(TimeProvider time, Action<IReportsCollectorBuilder> build, InMemoryCollectorState? state = null, Action<ReportsCollectorOptions>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CollectorHarness.Register(builder.Services, Sandbox, Temp.Path, build, state, "a", time, configure);
        return builder.Build();
    }
}
