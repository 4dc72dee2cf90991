using System.Reflection;

namespace HeloData.Reports.Collector.Tests;

/// <summary>
/// The collector's public records are properties, not positional: a later version can add a member without changing
/// a constructor (a binary break for stores and callers compiled against this one). The collector's own result is
/// built by the collector, and by <see cref="ReportsCollectorModelFactory"/> for users' tests.
/// </summary>
public sealed class PublicModelShapeTests
{
    [TestCase(typeof(RunRecord))]
    [TestCase(typeof(ReportGap))]
    [TestCase(typeof(CollectionPass))]
    public void A_public_record_has_no_constructor_with_parameters_and_no_deconstruct(Type model)
    {
        var constructors = model.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        Assert.That(constructors.Where(c => c.GetParameters().Length > 0), Is.Empty, "a positional constructor changes when a field is added");
        Assert.That(model.GetMethod("Deconstruct"), Is.Null, "a Deconstruct changes when a field is added");
    }

    [Test]
    public void A_pass_is_built_only_by_the_collector_and_the_model_factory()
    {
        Assert.That(typeof(CollectionPass).GetConstructors(BindingFlags.Public | BindingFlags.Instance), Is.Empty);
    }

    [Test]
    public void The_model_factory_builds_a_pass_with_the_counts_given_and_zero_for_the_rest()
    {
        var pass = ReportsCollectorModelFactory.CollectionPass(reports: 3, collected: 2, failed: 1, backfillsRequested: 4);

        Assert.That(
            (pass.Reports, pass.Collected, pass.AlreadyCollected, pass.InProgress, pass.Failed, pass.GapsFound, pass.BackfillsRequested),
            Is.EqualTo((3, 2, 0, 0, 1, 0, 4)));
        Assert.That(pass, Is.EqualTo(ReportsCollectorModelFactory.CollectionPass(reports: 3, collected: 2, failed: 1, backfillsRequested: 4)), "value equality, as a record");
    }

    [Test]
    public void The_model_factory_refuses_a_negative_count_naming_it()
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => ReportsCollectorModelFactory.CollectionPass(gapsFound: -1));
        Assert.That(refusal!.ParamName, Is.EqualTo("gapsFound"));
    }

    [Test]
    public void A_gap_leaves_its_run_ids_null_unless_set_and_compares_by_value()
    {
        var due = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero);
        var gap = new ReportGap { ReportId = "rep_1", From = new(2026, 6, 1), To = new(2026, 6, 1), DueAt = due, Status = ReportGapStatus.Missing };

        Assert.That((gap.FailedRunId, gap.BackfillRunId), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(gap with { BackfillRunId = "run_bf" }, Is.Not.EqualTo(gap));
        Assert.That(gap, Is.EqualTo(new ReportGap { ReportId = "rep_1", From = new(2026, 6, 1), To = new(2026, 6, 1), DueAt = due, Status = ReportGapStatus.Missing }));
    }
}
