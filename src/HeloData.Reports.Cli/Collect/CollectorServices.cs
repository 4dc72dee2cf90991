using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// The services <c>collect</c> runs on: the registration an application makes (<c>AddHeloReports</c>,
/// <c>AddHeloReportsCollector</c>, a state store, the sinks), so the tool is a user of the packages, not a copy.
/// </summary>
internal static class CollectorServices
{
    public static ServiceProvider Build(CliContext context, CollectSettings settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Time);
        services.AddLogging(logging => logging.AddProvider(new ProgressLoggerProvider(context.Error)));
        services.AddHeloReports(client =>
        {
            client.ApiKey = settings.Client.ApiKey;
            client.BaseAddress = settings.Client.BaseAddress;
        });
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
