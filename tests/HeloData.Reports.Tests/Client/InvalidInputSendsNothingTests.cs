using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Client;

/// <summary>
/// Bad input is refused by the client itself: an <see cref="ArgumentException"/> that names the
/// parameter, and not a single request on the wire.
/// </summary>
public sealed class InvalidInputSendsNothingTests
{
    private static ClientHarness _harness = null!;

    [OneTimeSetUp]
    public static void StartServer()
    {
        _harness = new ClientHarness();
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractReport));
    }

    [OneTimeTearDown]
    public static void StopServer() => _harness.Dispose();

    private static IEnumerable<TestCaseData> InvalidCalls()
    {
        yield return Case("report null", c => c.CreateReportAsync(null!), "report");
        yield return Case("name empty", c => c.CreateReportAsync(new NewReport(" ", ReportType.Traffic, ReportFormat.Csv)), "report.Name");
        yield return Case("name too long", c => c.CreateReportAsync(new NewReport(new string('n', 129), ReportType.Traffic, ReportFormat.Csv)), "report.Name");
        yield return Case("6-field cron", c => c.CreateReportAsync(With(schedule: "0 0 9 * * MON")), "report.Schedule");
        yield return Case("macro cron", c => c.CreateReportAsync(With(schedule: "@weekly")), "report.Schedule");
        yield return Case("bad cron", c => c.CreateReportAsync(With(schedule: "0 25 * * *")), "report.Schedule");
        yield return Case("bad email", c => c.CreateReportAsync(With(new EmailDestination("ops at acme"))), "report.Destination.Email");
        yield return Case("http webhook", c => c.CreateReportAsync(With(new WebhookDestination(new Uri("http://hooks.acme.com/x"), "s"))), "report.Destination.Url");
        yield return Case("webhook no secret", c => c.CreateReportAsync(With(new WebhookDestination(new Uri("https://hooks.acme.com/x"), " "))), "report.Destination.SigningSecret");
        yield return Case("s3 bucket", c => c.CreateReportAsync(With(new S3Destination("Bad_Bucket"))), "report.Destination.Bucket");
        yield return Case("s3 role", c => c.CreateReportAsync(With(new S3Destination("acme-exports", roleArn: "arn:aws:iam::12:role/x"))), "report.Destination.RoleArn");
        yield return Case("gcs bucket", c => c.CreateReportAsync(With(new GcsDestination("google-exports"))), "report.Destination.Bucket");
        yield return Case("gcs account", c => c.CreateReportAsync(With(new GcsDestination("acme-exports", serviceAccountEmail: "ops@acme.com"))), "report.Destination.ServiceAccountEmail");
        yield return Case("get empty id", c => c.GetReportAsync(""), "reportId");
        yield return Case("get dot id", c => c.GetReportAsync("."), "reportId");
        yield return Case("get dotdot id", c => c.GetReportAsync(".."), "reportId");
        yield return Case("get control id", c => c.GetReportAsync("rep\n1"), "reportId");
        yield return Case("update null", c => c.UpdateReportAsync("rep_1", null!), "update");
        yield return Case("update bad cron", c => c.UpdateReportAsync("rep_1", new ReportUpdate { Schedule = "every monday" }), "update.Schedule");
        yield return Case("update removes name", c => c.UpdateReportAsync("rep_1", new ReportUpdate { Name = null }), "update.Name");
        yield return Case("update id", c => c.UpdateReportAsync("..", new ReportUpdate { Schedule = null }), "reportId");
        yield return Case("delete id", c => c.DeleteReportAsync("  "), "reportId");
        yield return Case("run id", c => c.RunAsync("."), "reportId");
        yield return Case("run window", c => c.RunAsync("rep_1", new RunWindow { From = new DateOnly(2026, 5, 28), To = new DateOnly(2026, 5, 1) }), "window");
        yield return Case("run status id", c => c.GetRunAsync(""), "runId");
        yield return Case("list limit", c => c.ListReportsAsync(limit: 0), "limit");
        yield return Case("list cursor", c => c.ListReportsAsync(cursor: ""), "cursor");
        yield return Case("list all page size", c => { _ = c.ListAllReportsAsync(pageSize: -1); return Task.CompletedTask; }, "pageSize");

        static TestCaseData Case(string name, Func<IReportsClient, Task> call, string paramName) =>
            new TestCaseData(call, paramName).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(InvalidCalls))]
    public async Task Invalid_input_throws_an_argument_exception_naming_the_parameter_and_sends_nothing(Func<IReportsClient, Task> call, string paramName)
    {
        var before = _harness.RequestCount;

        var error = await Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => call(_harness.Client)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(paramName));
        Assert.That(error.Message, Is.Not.Empty);
        Assert.That(_harness.RequestCount, Is.EqualTo(before), "no request may be sent for invalid input");
    }

    [Test]
    public async Task A_webhook_secret_never_appears_in_a_validation_message()
    {
        var report = With(new WebhookDestination(new Uri("http://hooks.acme.com/x"), "whsec_TOPSECRET"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.CreateReportAsync(report));

        Assert.That(error!.ToString(), Does.Not.Contain("whsec_TOPSECRET"));
    }

    private static NewReport With(ReportDestination destination) =>
        new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) { Destination = destination };

    private static NewReport With(string schedule) =>
        new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule };
}
