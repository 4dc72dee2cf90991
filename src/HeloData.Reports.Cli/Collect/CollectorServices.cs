using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// The services <c>collect</c> runs on: the registration an application makes (<c>AddHeloReports</c>,
/// <c>AddHeloReportsCollector</c>, a state store, the sinks), so the tool is a user of the packages, not a copy.
/// </summary>
/// <remarks>
/// Two containers, because they may run on two clocks: the collector on <see cref="CollectSettings.Clock"/> (with
/// <c>--time-scale</c>, the sandbox's, so occurrences, leases and polls are sandbox time), the API client in a
/// container of its own on the real clock (a request timeout or retry delay scaled by thousands would be a millisecond).
/// </remarks>
internal static class CollectorServices
{
    public static ServiceProvider Build(CliContext context, CollectSettings settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(settings.Clock);
        services.AddLogging(logging => logging.AddProvider(new ProgressLoggerProvider(context.Error)));

        // Made by the container, so disposed with it; the collector asks the container for IReportsClient.
        services.AddSingleton(_ => new ClientServices(context, settings.Client));
        services.AddSingleton(provider => provider.GetRequiredService<ClientServices>().Client);
        var collector = services.AddHeloReportsCollector(options =>
        {
            options.Reports = [.. settings.Reports];
            options.Backfill = settings.Backfill;
            options.InstanceName = settings.InstanceName;
            if (settings.Since is { } since)
            {
                options.Since = since;
            }

            if (settings.PollInterval is { } interval)
            {
                options.PollInterval = interval;
            }

            if (settings.GracePeriod is { } grace)
            {
                options.GapGracePeriod = grace;
            }

            if (settings.ClaimLease is { } lease)
            {
                options.ClaimLease = lease;
            }
        });
        if (settings.SqliteState is { } path)
        {
            collector.UseSqliteState(path);
        }
        else
        {
            collector.UsePostgreSqlState(settings.PostgresState!);
        }

        // The order the sinks take each run: the files first, then the table.
        if (settings.OutDirectory is { } folder)
        {
            collector.WriteToDirectory(folder);
        }

        if (settings.PostgresSink is { } connectionString)
        {
            collector.LoadIntoPostgreSql(connectionString);
        }

        return services.BuildServiceProvider();
    }
}
