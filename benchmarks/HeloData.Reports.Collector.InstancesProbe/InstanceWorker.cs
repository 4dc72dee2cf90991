using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeloData.Reports.Collector.InstancesProbe;

/// <summary>
/// One collector process, as an application builds it (public API only): <c>AddHeloReports</c> against the sandbox,
/// <c>AddHeloReportsCollector</c> with a handler that does nothing (each run is still read by id, downloaded and
/// spooled), and the state store the parent names. It warms up on runs of its own (see below), says <c>ready</c>,
/// and on <c>go</c> passes <see cref="IReportsCollector.CollectOnceAsync"/> in a loop, printing <c>pass {collected} {CPU ms since go}</c> after each, until the parent says <c>stop</c>; then it
/// prints the ids it handled. Its settings come from the environment (the API key is never an argument).
/// </summary>
internal static class InstanceWorker
{
    public static async Task<int> RunAsync()
    {
        var handled = new List<string>();

        // Warm-up: a pass over a report of its own with an in-memory store compiles the pass (listing, gaps, claims),
        // then the measured collector collects one run by id: its store's start and connections, the download.
        await using (var warm = Build([Setting(WorkerSettings.WarmupReport)], WorkerSettings.InMemory, []))
        {
            await warm.GetRequiredService<IReportsCollector>().CollectOnceAsync();
        }

        await using var provider = Build(Setting(WorkerSettings.Reports).Split(','), Setting(WorkerSettings.State), handled);
        var collector = provider.GetRequiredService<IReportsCollector>();
        var warmup = await provider.GetRequiredService<IReportsClient>().GetRunAsync(Setting(WorkerSettings.WarmupRun));
        await collector.CollectRunAsync(warmup, null, RunOrigin.Application);
        handled.Clear();

        Console.WriteLine("ready");
        if (Console.ReadLine() != "go")
        {
            return 1;
        }

        // Console.In reads synchronously: the stop is awaited on a thread of its own.
        var stop = Task.Run(Console.ReadLine);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (!stop.IsCompleted)
        {
            var pass = await collector.CollectOnceAsync();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass.Collected} {used.TotalMilliseconds:0} {pass.Failed}"));
        }

        Console.WriteLine("handled " + string.Join(',', handled));
        return 0;
    }

    private static ServiceProvider Build(string[] reports, string state, List<string> handled)
    {
        var instance = Setting(WorkerSettings.Instance);
        var services = new ServiceCollection().AddLogging();
        services.AddHeloReports(o => (o.BaseAddress, o.ApiKey) = (new Uri(Setting(WorkerSettings.Api)), Setting(WorkerSettings.ApiKey)));
        var builder = services
            .AddHeloReportsCollector(o =>
            {
                o.InstanceName = instance;
                o.TemporaryDirectory = Setting(WorkerSettings.Temp);
                o.Reports = reports;
            })
            .AddHandler("noop", (run, _) =>
            {
                lock (handled)
                {
                    handled.Add(run.RunId);
                }

                return Task.CompletedTask;
            });
        if (state == WorkerSettings.InMemory)
        {
            services.Replace(ServiceDescriptor.Singleton<ICollectorStateStore>(new InMemoryCollectorStateStore(instance, TimeProvider.System)));
        }
        else
        {
            builder.UsePostgreSqlState(Setting(WorkerSettings.Postgres), state);
        }

        return services.BuildServiceProvider();
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: workers are started by the probe.");
}
