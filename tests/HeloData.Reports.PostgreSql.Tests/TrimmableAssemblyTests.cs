using System.Reflection;
using HeloData.Reports.Collector;

namespace HeloData.Reports.PostgreSql.Tests;

/// <summary>
/// The collector and the PostgreSQL package are marked AOT-compatible (so trimmable): their builds run the trim and AOT
/// analyzers, and a trimming publish treats them as safe to trim, which the SDK records in each assembly.
/// </summary>
public sealed class TrimmableAssemblyTests
{
    [TestCase(typeof(IReportsCollector))]
    [TestCase(typeof(PostgreSqlCollectorStateStore))]
    public void The_package_assembly_says_it_is_trimmable(Type fromPackage)
    {
        var metadata = fromPackage.Assembly.GetCustomAttributes<AssemblyMetadataAttribute>();

        Assert.That(metadata.SingleOrDefault(a => a.Key == "IsTrimmable")?.Value, Is.EqualTo("True"), fromPackage.Assembly.GetName().Name);
    }
}
