using System.Reflection;
using System.Text.RegularExpressions;

namespace HeloData.Reports.Testing.Tests.Documentation;

/// <summary>
/// The instrument, tag and operation names are public only as documentation (docs/telemetry.md), not
/// as constants (the client's and the collector's), so this keeps the page and the code saying the same thing both ways: every name the
/// SDK emits is on the page, and every <c>helodata.*</c> name on the page is one the SDK emits.
/// </summary>
public sealed partial class TelemetryDocumentationTests
{
    private static readonly string Page =
        File.ReadAllText(Path.Combine(DocumentationSnippetTests.RepositoryRoot(), "docs", "telemetry.md"));

    // The client's names and the collector's (its own meter and activity source, on the same page).
    private static IEnumerable<string> EmittedNames() =>
        new[]
        {
            typeof(ReportsTelemetry).Assembly.GetType("HeloData.Reports.TelemetryNames", throwOnError: true)!,
            Type.GetType("HeloData.Reports.Collector.CollectorInstrumentation, HeloData.Reports.Collector", throwOnError: true)!,
        }
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

    [Test]
    public void Every_emitted_name_is_on_the_page()
    {
        var missing = EmittedNames().Where(name => !Page.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.That(missing, Is.Empty, "names the SDK emits that docs/telemetry.md does not show in backticks");
    }

    [Test]
    public void Every_helodata_name_on_the_page_is_emitted()
    {
        var emitted = EmittedNames().ToHashSet(StringComparer.Ordinal);
        var documented = HeloDataName().Matches(Page).Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(documented, Has.Count.GreaterThanOrEqualTo(8), "the page should list the instruments and tags");
            Assert.That(documented.Where(name => !emitted.Contains(name)), Is.Empty, "names on the page the SDK does not emit");
        });
    }

    [Test]
    public void The_subscription_names_on_the_page_are_the_public_ones()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Page, Does.Contain($"`{ReportsTelemetry.ActivitySourceName}`"));
            Assert.That(Page, Does.Contain($"`{ReportsTelemetry.MeterName}`"));
            Assert.That(Page, Does.Contain("ReportsTelemetry.ActivitySourceName"));
            Assert.That(Page, Does.Contain("ReportsTelemetry.MeterName"));
        });
    }

    [GeneratedRegex(@"`(?<name>helodata\.[a-z_.]+)`")]
    private static partial Regex HeloDataName();
}
