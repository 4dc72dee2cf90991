using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Models;

/// <summary>
/// The six string-backed value types: known values, and values the SDK has never seen, behave alike
/// in deserialization, comparison and serialization, and nothing throws.
/// </summary>
public sealed class ExtensibleEnumTests
{
    private static IEnumerable<TestCaseData> KnownValues()
    {
        yield return Case(ReportType.Traffic, "traffic");
        yield return Case(ReportType.Requests, "requests");
        yield return Case(ReportType.Invoices, "invoices");
        yield return Case(ReportType.Subusers, "subusers");
        yield return Case(ReportType.IspBatches, "isp_batches");
        yield return Case(ReportFormat.Csv, "csv");
        yield return Case(ReportFormat.Tsv, "tsv");
        yield return Case(ReportFormat.Json, "json");
        yield return Case(ReportFormat.Parquet, "parquet");
        yield return Case(ReportProduct.Residential, "residential");
        yield return Case(ReportProduct.Mobile, "mobile");
        yield return Case(ReportProduct.Datacenter, "datacenter");
        yield return Case(ReportProduct.Isp, "isp");
        yield return Case(RunStatus.Queued, "queued");
        yield return Case(RunStatus.Running, "running");
        yield return Case(RunStatus.Completed, "completed");
        yield return Case(RunStatus.Failed, "failed");
        yield return Case(ReportsErrorCode.BadRequest, "bad_request");
        yield return Case(ReportsErrorCode.Unauthorized, "unauthorized");
        yield return Case(ReportsErrorCode.FeatureNotInPlan, "feature_not_in_plan");
        yield return Case(ReportsErrorCode.NotFound, "not_found");
        yield return Case(ReportsErrorCode.InvalidCron, "invalid_cron");
        yield return Case(ReportsErrorCode.DestinationUnreachable, "destination_unreachable");
        yield return Case(ReportsErrorCode.ValidationFailed, "validation_failed");
        yield return Case(ReportsErrorCode.RateLimited, "rate_limited");
        yield return Case(ReportsErrorCode.InternalError, "internal_error");

        static TestCaseData Case(object value, string wire) => new TestCaseData(value, wire).SetArgDisplayNames($"{value.GetType().Name}.{wire}");
    }

    [TestCaseSource(nameof(KnownValues))]
    public void Known_values_carry_their_wire_spelling(object value, string wire)
    {
        Assert.That(value.ToString(), Is.EqualTo(wire));
        Assert.That(SerializeBoxed(value), Is.EqualTo($"\"{wire}\""));
        Assert.That(DeserializeBoxed(value.GetType(), $"\"{wire}\""), Is.EqualTo(value));
    }

    [Test]
    public void Unknown_values_round_trip_and_compare_for_every_type()
    {
        AssertUnknownValueBehaves<ReportType>("geo_heatmap", ReportType.Traffic);
        AssertUnknownValueBehaves<ReportFormat>("avro", ReportFormat.Csv);
        AssertUnknownValueBehaves<ReportProduct>("satellite", ReportProduct.Mobile);
        AssertUnknownValueBehaves<RunStatus>("throttled", RunStatus.Running);
        AssertUnknownValueBehaves<ReportsErrorCode>("quota_exceeded", ReportsErrorCode.RateLimited);
    }

    [Test]
    public void Equality_ignores_case_but_the_original_spelling_is_written_back()
    {
        var shouting = Json.Deserialize<ReportFormat>("\"CSV\"");

        Assert.That(shouting == ReportFormat.Csv, Is.True);
        Assert.That(shouting.GetHashCode(), Is.EqualTo(ReportFormat.Csv.GetHashCode()));
        Assert.That(Json.Serialize(shouting), Is.EqualTo("\"CSV\""));
    }

    [Test]
    public void Implicit_conversion_from_string_and_operators_work()
    {
        ReportType type = "traffic";

        Assert.That(type == ReportType.Traffic, Is.True);
        Assert.That(type != ReportType.Invoices, Is.True);
        Assert.That(new HashSet<ReportType> { "traffic", "TRAFFIC", "invoices" }, Has.Count.EqualTo(2));
    }

    [Test]
    public void Null_is_rejected_with_the_parameter_named()
    {
        var error = Assert.Throws<ArgumentNullException>(() => _ = new RunStatus(null!));

        Assert.That(error!.ParamName, Is.EqualTo("value"));
    }

    [Test]
    public void Default_value_is_empty_text_and_json_null_both_ways()
    {
        Assert.That(default(ReportFormat).ToString(), Is.Empty);
        Assert.That(Json.Serialize(default(ReportFormat)), Is.EqualTo("null"));
        Assert.That(Json.Deserialize<ReportFormat>("null"), Is.EqualTo(default(ReportFormat)));
        Assert.That(default(ReportFormat) == ReportFormat.Csv, Is.False);
    }

    [Test]
    public void A_non_string_value_is_a_json_error_naming_the_type()
    {
        var error = Assert.Throws<JsonException>(() => Json.Deserialize<ReportType>("42"));

        Assert.That(error!.Message, Does.Contain(nameof(ReportType)));
    }

    [Test]
    public void Only_completed_and_failed_are_terminal()
    {
        Assert.That(RunStatus.Completed.IsTerminal, Is.True);
        Assert.That(RunStatus.Failed.IsTerminal, Is.True);
        Assert.That(new RunStatus("FAILED").IsTerminal, Is.True);
        Assert.That(RunStatus.Queued.IsTerminal, Is.False);
        Assert.That(RunStatus.Running.IsTerminal, Is.False);
        Assert.That(new RunStatus("cancelling").IsTerminal, Is.False);
        Assert.That(default(RunStatus).IsTerminal, Is.False);
    }

    private static void AssertUnknownValueBehaves<T>(string wire, T known)
        where T : struct, IEquatable<T>
    {
        var value = Json.Deserialize<T>($"\"{wire}\"");

        Assert.That(value.ToString(), Is.EqualTo(wire), typeof(T).Name);
        Assert.That(Json.Serialize(value), Is.EqualTo($"\"{wire}\""), typeof(T).Name);
        Assert.That(value.Equals(Json.Deserialize<T>($"\"{wire}\"")), Is.True, typeof(T).Name);
        Assert.That(value.Equals(known), Is.False, typeof(T).Name);
    }

    private static string SerializeBoxed(object value) =>
        JsonSerializer.Serialize(value, value.GetType(), HeloData.Reports.ReportsJsonContext.Default);

    private static object? DeserializeBoxed(Type type, string json) =>
        JsonSerializer.Deserialize(json, type, HeloData.Reports.ReportsJsonContext.Default);
}
