using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Models;

/// <summary>A response that leaves fields out still gives non-null strings and lists where the types promise them.</summary>
public sealed class ResponseDefaultsTests
{
    [Test]
    public void A_sparse_report_has_empty_strings_not_nulls()
    {
        var report = Json.Deserialize<Report>("{}");

        Assert.That(report.Id, Is.Empty);
        Assert.That(report.Name, Is.Empty);
        Assert.That(report.AdditionalProperties, Is.Empty);
    }

    [Test]
    public void A_sparse_list_has_empty_lists_not_nulls()
    {
        var list = Json.Deserialize<ReportList>("{}");

        Assert.That(list.Reports, Is.Empty);
        Assert.That(list.RecentRuns, Is.Empty);
        Assert.That(list.NextCursor, Is.Null);
    }

    [Test]
    public void A_sparse_run_and_error_have_empty_strings_not_nulls()
    {
        var run = Json.Deserialize<ReportRun>("""{"status":"failed","error":{}}""");
        var accepted = Json.Deserialize<RunAccepted>("{}");

        Assert.That((run.RunId, run.ReportId, run.Error!.Message), Is.EqualTo((string.Empty, string.Empty, string.Empty)));
        Assert.That(accepted.RunId, Is.Empty);
    }
}
