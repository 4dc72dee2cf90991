using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>Every error of the contract table, provoked through the sandbox and seen through the public client.</summary>
public sealed class ErrorCodeTests
{
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient(o => o.MaxRetryAttempts = 0);
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task Not_found()
    {
        var error = await Fails.With(() => _client.GetReportAsync("rep_DOES_NOT_EXIST"));

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((404, ReportsErrorCode.NotFound)));
        Assert.That(error.RequestId, Does.StartWith("req_"));
    }

    [Test]
    public async Task Unauthorized_for_a_wrong_key()
    {
        using var client = _sandbox.CreateClient(o => o.ApiKey = "hd_wrong");

        var error = await Fails.With(() => client.ListReportsAsync());

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((401, ReportsErrorCode.Unauthorized)));
    }

    [Test]
    public async Task Feature_not_in_plan_for_a_key_below_Pro()
    {
        using var client = _sandbox.CreateClient(o => o.ApiKey = _sandbox.IssueApiKey(SandboxPlan.Starter));

        var error = await Fails.With(() => client.ListReportsAsync());

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((403, ReportsErrorCode.FeatureNotInPlan)));
    }

    [Test]
    public async Task Invalid_cron_from_the_service()
    {
        // The public client refuses a bad cron before sending (see the SDK's own tests), so the
        // service's answer is provoked through the SDK's transport, below the client's checks.
        var services = new ServiceCollection();
        services.AddHeloReports(_sandbox.Configure);
        await using var provider = services.BuildServiceProvider();
        var transport = provider.GetRequiredService<ReportsTransport>();

        var error = await Fails.With(() => transport.SendAsync(
            ReportsOperation.CreateReport,
            static (api, report, ct) => api.CreateReportAsync(report, ct),
            new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Schedule = "61 * * * *" },
            (null, null),
            CancellationToken.None));

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((422, ReportsErrorCode.InvalidCron)));
        Assert.That(error.RequestId, Does.StartWith("req_"));
        Assert.That(error.OutcomeUnknown, Is.False, "a 422 proves the report was not created");
        Assert.That(async () => await _client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Schedule = "61 * * * *" }),
            Throws.InstanceOf<ArgumentException>(), "the public client catches it first");
    }

    [Test]
    public async Task Destination_unreachable_when_the_webhook_pre_flight_is_refused()
    {
        var closedPort = ClosedPort.Find();
        var report = new NewReport("hook", ReportType.Traffic, ReportFormat.Csv)
        {
            Destination = new WebhookDestination(new Uri($"http://127.0.0.1:{closedPort}/hook"), "whsec_test"),
        };

        var error = await Fails.With(() => _client.CreateReportAsync(report));

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((422, ReportsErrorCode.DestinationUnreachable)));
    }

    [Test]
    public async Task Validation_failed_for_a_field_the_client_cannot_know_is_wrong()
    {
        var error = await Fails.With(() => _client.CreateReportAsync(new NewReport("r", new ReportType("geo_heatmap"), ReportFormat.Csv)));

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((422, ReportsErrorCode.ValidationFailed)));
        Assert.That(error.Message, Does.Contain("geo_heatmap"));
    }

    [Test]
    public async Task Bad_request_for_a_cursor_the_service_never_issued()
    {
        var error = await Fails.With(() => _client.ListReportsAsync(cursor: "forged"));

        Assert.That((error.Status, error.ErrorCode), Is.EqualTo((400, ReportsErrorCode.BadRequest)));
    }

    [Test]
    public async Task Rate_limited_and_internal_error_from_fault_injection()
    {
        _sandbox.Faults.RateLimit(1, TimeSpan.FromSeconds(7));
        var limited = await Fails.With(() => _client.ListReportsAsync());
        _sandbox.Faults.ServerErrors(1, 500);
        var failed = await Fails.With(() => _client.ListReportsAsync());

        Assert.That((limited.Status, limited.ErrorCode, limited.RetryAfter), Is.EqualTo((429, ReportsErrorCode.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(7))));
        Assert.That((failed.Status, failed.ErrorCode), Is.EqualTo((500, ReportsErrorCode.InternalError)));
    }
}
