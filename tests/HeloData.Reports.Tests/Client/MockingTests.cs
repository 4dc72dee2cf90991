using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Client;

/// <summary>How an application tests its own code: a fake client answering with factory-built models.</summary>
public sealed class MockingTests
{
    [Test]
    public async Task Application_code_is_tested_against_the_interface_answering_with_factory_models()
    {
        IReportsClient client = FakeReportsClient.Create();

        var run = await client.GetRunAsync("run_9");

        Assert.That(run.RunId, Is.EqualTo("run_9"));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(run.DownloadUrl!.Host, Is.EqualTo("downloads.example"));
    }

    [Test]
    public void The_interface_is_the_one_way_to_mock()
    {
        Assert.That(typeof(ReportsClient).IsSealed, Is.True);
        Assert.That(typeof(ReportsClient).GetInterfaces(), Does.Contain(typeof(IReportsClient)));
    }

    [Test]
    public void The_model_factory_builds_every_response_model_with_sensible_defaults()
    {
        var extra = new Dictionary<string, JsonElement> { ["owner"] = JsonDocument.Parse("\"bi\"").RootElement };

        var report = ReportsModelFactory.Report(id: "rep_9", schedule: "0 9 * * MON", additionalProperties: extra);
        var failed = ReportsModelFactory.ReportRun(status: RunStatus.Failed, error: ReportsModelFactory.RunError(ReportsErrorCode.InternalError, "boom"));
        var accepted = ReportsModelFactory.RunAccepted("run_1");
        var page = ReportsModelFactory.ReportList([report], [failed], nextCursor: "c2");

        Assert.That((report.Id, report.Type, report.Format, report.Schedule), Is.EqualTo(("rep_9", ReportType.Traffic, ReportFormat.Csv, "0 9 * * MON")));
        Assert.That(report.AdditionalProperties["owner"].GetString(), Is.EqualTo("bi"));
        Assert.That(failed.Error!.Message, Is.EqualTo("boom"));
        Assert.That(accepted.Status, Is.EqualTo(RunStatus.Queued));
        Assert.That(page.Reports, Has.Count.EqualTo(1));
        Assert.That(page.NextCursor, Is.EqualTo("c2"));
    }

    // As a mocking library would build it: only the member the code under test calls answers.
    public class FakeReportsClient : System.Reflection.DispatchProxy
    {
        public static IReportsClient Create() => Create<IReportsClient, FakeReportsClient>();

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IReportsClient.GetRunAsync) => Task.FromResult(ReportsModelFactory.ReportRun(
                runId: (string)args![0]!, status: RunStatus.Completed, downloadUrl: new Uri("https://downloads.example/x.csv?sig=1"))),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
