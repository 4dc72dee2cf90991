using System.Reflection;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>
/// A gap finder that finds none, for a collector whose <c>AddHeloReportsCollector</c> registers no gap finder yet
/// (the collector's <c>IGapFinder</c> is internal; until its registration is merged, this stands in through a proxy).
/// Registered only when none is: these tests' reports have no schedule, so the real one finds nothing either.
/// </summary>
public class NoGaps : DispatchProxy
{
    private static readonly Type GapFinder = typeof(IReportsCollector).Assembly.GetType("HeloData.Reports.Collector.IGapFinder", throwOnError: true)!;

    public static void AddIfMissing(IServiceCollection services) =>
        services.TryAdd(ServiceDescriptor.Singleton(GapFinder, Create(GapFinder, typeof(NoGaps))));

    // Every call answers "nothing": no gap found (default GapScan), no backfill run completed.
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.ReturnType.GetGenericArguments().Single();
        object? nothing = result == typeof(IReadOnlyList<ReportRun>) ? Array.Empty<ReportRun>() : Activator.CreateInstance(result);
        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [nothing]);
    }
}
