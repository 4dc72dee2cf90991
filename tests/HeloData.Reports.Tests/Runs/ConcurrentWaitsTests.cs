using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// A thousand waits at once on one client, against one loopback server: each comes back with its own
/// completed run, and they share the client's capped connection pool instead of opening a socket each.
/// Correctness only; the figures (memory, wall time, the uncapped comparison) are the benchmarks'
/// <c>concurrency</c> probe, in docs/benchmarks.md.
/// </summary>
public sealed class ConcurrentWaitsTests
{
    private const int Waits = 1_000;

    // The server answers "running" to a run's first polls, "completed" to this one: completion is
    // counted in polls, not time, so a slow machine changes how long the test takes, never its outcome.
    private const int PollsToComplete = 3;

    /// <summary>The SDK's cap (ReportsClientDefaults.MaxConnectionsPerServer), with and without DI.</summary>
    private const int ConnectionCap = 16;

    private static readonly WaitForCompletionOptions Fast = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MinPollInterval = TimeSpan.FromMilliseconds(50),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        MaxWait = TimeSpan.FromSeconds(60),
    };

    [Test]
    public async Task A_thousand_waits_on_a_client_from_AddHeloReports_complete_over_at_most_16_connections()
    {
        using var server = new LoopbackRunServer(PollsToComplete, TimeSpan.Zero);
        var services = new ServiceCollection();
        services.AddHeloReports(options =>
        {
            options.ApiKey = ClientHarness.ApiKey;
            options.BaseAddress = server.ApiBase;
        });
        await using var provider = services.BuildServiceProvider();

        await WaitForAllAndCheckAsync(provider.GetRequiredService<IReportsClient>(), server);
    }

    [Test]
    public async Task A_thousand_waits_on_a_standalone_client_complete_over_at_most_16_connections()
    {
        using var server = new LoopbackRunServer(PollsToComplete, TimeSpan.Zero);
        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = ClientHarness.ApiKey, BaseAddress = server.ApiBase });

        await WaitForAllAndCheckAsync(client, server);
    }

    private static async Task WaitForAllAndCheckAsync(IReportsClient client, LoopbackRunServer server)
    {
        var runIds = Enumerable.Range(0, Waits).Select(i => $"run_load_{i:D4}").ToArray();

        var runs = await Task.WhenAll(runIds.Select(id => client.WaitForCompletionAsync(id, Fast)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.RunId), Is.EqualTo(runIds), "each wait returns its own run");
            Assert.That(runs.Select(r => r.Status), Is.All.EqualTo(RunStatus.Completed));

            // A socket per wait would show up here as hundreds of connections.
            Assert.That(server.ConnectionsAccepted, Is.InRange(1, ConnectionCap));

            // Each wait stops at its run's first "completed": a poll more would be a duplicate or a
            // poll after completion, a poll fewer a completion taken from another run's answer.
            Assert.That(server.PollsByRun.Keys, Is.EquivalentTo(runIds));
            Assert.That(server.PollsByRun.Values, Is.All.EqualTo(PollsToComplete));
        }
    }
}
