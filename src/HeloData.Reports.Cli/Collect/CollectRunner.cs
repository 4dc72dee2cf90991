using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// Runs the passes of <c>collect</c>: one with <c>--once</c>, else one every poll interval until Ctrl-C, each
/// reported on stderr, and the summary on stdout at the end. Ctrl-C stops the pass in flight, whose runs the
/// collector releases (so the next <c>collect</c>, here or on another instance, takes them at once), and exits 130.
/// </summary>
internal static class CollectRunner
{
    public static async Task<int> RunAsync(CliContext context, CollectSettings settings, bool json, CancellationToken cancellationToken)
    {
        var totals = new CollectTotals();
        var reports = settings.Reports.Count == 0 ? "every report" : string.Join(", ", settings.Reports);
        context.Error.WriteLine($"Collecting {reports} into {string.Join(" and ", settings.SinkTexts())}; state in {settings.StateText}.");
        try
        {
            await using var services = CollectorServices.Build(context, settings);
            var collector = services.GetRequiredService<IReportsCollector>();
            var interval = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportsCollectorOptions>>().Value.PollInterval;

            // The collector's clock: with --time-scale the interval is sandbox time, so it is waited on that clock.
            var clock = services.GetRequiredService<TimeProvider>();
            while (true)
            {
                await PassAsync(context, collector, totals, settings.Once, cancellationToken);
                if (settings.Once)
                {
                    break;
                }

                await Task.Delay(interval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            totals.Interrupted = true;
            context.Error.WriteLine("Interrupted: the runs in flight were released; the next collect takes them.");
            CollectSummary.Write(context.Out, totals, settings, json);
            return ExitCodes.Interrupted;
        }

        CollectSummary.Write(context.Out, totals, settings, json);
        return ExitCodes.Success;
    }

    // The collector logs each pass itself (a line on stderr through ProgressLoggerProvider), so only failures are told here.
    private static async Task PassAsync(CliContext context, IReportsCollector collector, CollectTotals totals, bool once, CancellationToken cancellationToken)
    {
        try
        {
            totals.Add(await collector.CollectOnceAsync(cancellationToken));
        }
        catch (Exception e) when (!once && totals.Passes > totals.PassesFailed && !cancellationToken.IsCancellationRequested)
        {
            // A collector that worked rides out an outage (the service or the database out of reach) and tries
            // again next pass; one that never worked (a wrong key, a wrong address) stops with the error instead.
            totals.AddFailedPass();
            context.Error.WriteLine($"pass {totals.Passes} stopped: {Messages.Of(e)}; the next pass tries again.");
        }
        catch (Exception e) when (e is not (OperationCanceledException or ReportsException or UsageException))
        {
            // A state store or sink that cannot work (a database out of reach, a file it may not write): its message
            // names what and where, which is the error to print, not an "unexpected" exception type.
            throw new CollectStoppedException(e);
        }
    }
}
