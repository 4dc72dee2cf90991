using System.Reflection;

namespace HeloData.Reports.Collector.Tests;

/// <summary>
/// The collector is marked AOT-compatible (so trimmable): its build runs the trim and AOT analyzers, and a trimming
/// publish treats it as safe to trim, which the SDK records in the assembly.
/// </summary>
public sealed class TrimmableAssemblyTests
{
    [Test]
    public void The_collector_assembly_says_it_is_trimmable()
    {
        var metadata = typeof(IReportsCollector).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>();

        Assert.That(metadata.SingleOrDefault(a => a.Key == "IsTrimmable")?.Value, Is.EqualTo("True"));
    }
}
