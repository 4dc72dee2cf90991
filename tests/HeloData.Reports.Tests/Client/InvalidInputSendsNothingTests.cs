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
        yield return Case("name empty", c => c.CreateReportAsync(new NewReport("", ReportType.Traffic, ReportFormat.Csv)), "report.Name");
        yield return Case("6-field cron", c => c.CreateReportAsync(With(schedule: "0 0 9 * * MON")), "report.Schedule");
        yield return Case("macro cron", c => c.CreateReportAsync(With(schedule: "@weekly")), "report.Schedule");
        yield return Case("bad cron", c => c.CreateReportAsync(With(schedule: "0 25 * * *")), "report.Schedule");
        yield return Case("quartz cron", c => c.CreateReportAsync(With(schedule: "0 0 L * *")), "report.Schedule");
        yield return Case("never-firing cron", c => c.CreateReportAsync(With(schedule: "0 0 30 2 *")), "report.Schedule");
        yield return Case("empty email", c => c.CreateReportAsync(With(new EmailDestination(""))), "report.Destination.Email");
        yield return Case("ftp webhook", c => c.CreateReportAsync(With(new WebhookDestination(new Uri("ftp://hooks.acme.com/x"), "s"))), "report.Destination.Url");
        yield return Case("webhook no secret", c => c.CreateReportAsync(With(new WebhookDestination(new Uri("https://hooks.acme.com/x"), null))), "report.Destination.SigningSecret");
        yield return Case("s3 bucket", c => c.CreateReportAsync(With(new S3Destination("", "", "arn"))), "report.Destination.Bucket");
        yield return Case("s3 role", c => c.CreateReportAsync(With(new S3Destination("acme-exports", "", ""))), "report.Destination.RoleArn");
        yield return Case("gcs account", c => c.CreateReportAsync(With(new GcsDestination("acme-exports", "", ""))), "report.Destination.ServiceAccountEmail");
        yield return Case("get empty id", c => c.GetReportAsync(""), "reportId");
        yield return Case("get dot id", c => c.GetReportAsync("."), "reportId");
        yield return Case("get dotdot id", c => c.GetReportAsync(".."), "reportId");
        yield return Case("get control id", c => c.GetReportAsync("rep\n1"), "reportId");
        yield return Case("get padded id", c => c.GetReportAsync(" rep_1"), "reportId");
        yield return Case("get zero-width id", c => c.GetReportAsync("rep\u200b1"), "reportId");
        yield return Case("get huge id", c => c.GetReportAsync(new string('r', 100_000)), "reportId");
        yield return Case("update null", c => c.UpdateReportAsync("rep_1", null!), "update");
        yield return Case("update bad cron", c => c.UpdateReportAsync("rep_1", new ReportUpdate { Schedule = "every monday" }), "update.Schedule");
        yield return Case("update removes name", c => c.UpdateReportAsync("rep_1", new ReportUpdate { Name = null }), "update.Name");
        yield return Case("update id", c => c.UpdateReportAsync("..", new ReportUpdate { Schedule = null }), "reportId");
        yield return Case("delete id", c => c.DeleteReportAsync("  "), "reportId");
        yield return Case("run id", c => c.RunReportAsync("."), "reportId");
        yield return Case("run window", c => c.RunReportAsync("rep_1", new RunWindow { From = new DateOnly(2026, 5, 28), To = new DateOnly(2026, 5, 1) }), "window");
        yield return Case("run status id", c => c.GetRunAsync(""), "runId");
        yield return Case("download to a missing directory", c => c.DownloadToFileAsync(Completed, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "a.csv")), "path");
        yield return Case("download to a path ending in a separator", c => c.DownloadToFileAsync(Completed, Path.GetTempPath()), "path");
        yield return Case("download onto a directory", c => c.DownloadToFileAsync(Completed, Path.TrimEndingDirectorySeparator(Path.GetTempPath())), "path");
        yield return Case("download to a blank path", c => c.DownloadToFileAsync(Completed, " "), "path");
        yield return Case("download to a path with a NUL", c => c.DownloadToFileAsync(Completed, "a\0b.csv"), "path");

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
        var report = With(new WebhookDestination(new Uri("ftp://hooks.acme.com/x?sig=whsec_TOPSECRET"), "whsec_TOPSECRET"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.CreateReportAsync(report));

        Assert.That(error!.ToString(), Does.Not.Contain("whsec_TOPSECRET"));
    }

    // Completed, with a URL on the test server: a download that got past its checks would show as a request.
    private static ReportRun Completed => ReportsModelFactory.ReportRun(
        status: RunStatus.Completed, downloadUrl: new Uri(_harness.BaseAddress, "/downloads/run_test.csv?sig=x"));

    private static NewReport With(ReportDestination destination) =>
        new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) { Destination = destination };

    private static NewReport With(string schedule) =>
        new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule };
}
