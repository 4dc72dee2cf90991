using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock.ResponseBuilders;

namespace HeloData.Reports.Tests.Errors;

/// <summary>Every way a call can fail surfaces as a <see cref="ReportsException"/> with the right code.</summary>
public sealed class ErrorMappingTests
{
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness(o => o.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    // Every row of the contract's error table, documented and assumed.
    [TestCase(400, "bad_request")]
    [TestCase(401, "unauthorized")]
    [TestCase(403, "feature_not_in_plan")]
    [TestCase(404, "not_found")]
    [TestCase(422, "invalid_cron")]
    [TestCase(422, "destination_unreachable")]
    [TestCase(422, "validation_failed")]
    [TestCase(429, "rate_limited")]
    [TestCase(500, "internal_error")]
    [TestCase(503, "internal_error")]
    [TestCase(409, "a_code_from_the_future")]
    public async Task An_error_body_maps_to_its_code_status_message_and_request_id(int status, string code)
    {
        _harness.Respond(ClientHarness.Error(status, code, "Bad cron expression", "req_123"));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(new ReportsErrorCode(code)));
        Assert.That(error.ErrorCode.ToString(), Is.EqualTo(code), "unknown codes are kept raw");
        Assert.That(error.Status, Is.EqualTo(status));
        Assert.That(error.RequestId, Is.EqualTo("req_123"));
        Assert.That(error.Message, Does.Contain("Bad cron expression").And.Contain(code).And.Contain(status.ToString()));
    }

    [TestCase(400, "bad_request")]
    [TestCase(401, "unauthorized")]
    [TestCase(403, "forbidden", Description = "only the service's own body says feature_not_in_plan")]
    [TestCase(404, "not_found")]
    [TestCase(408, "timeout")]
    [TestCase(418, "bad_request")]
    [TestCase(422, "validation_failed")]
    [TestCase(429, "rate_limited")]
    [TestCase(500, "internal_error")]
    [TestCase(502, "internal_error")]
    [TestCase(504, "internal_error")]
    public async Task An_html_error_page_from_a_proxy_maps_to_the_code_of_its_status(int status, string code)
    {
        _harness.Respond(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html")
            .WithBody("<html><body><h1>Bad Gateway</h1>nginx</body></html>"));

        var error = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(new ReportsErrorCode(code)));
        Assert.That(error.Status, Is.EqualTo(status));
        Assert.That(error.ResponseExcerpt, Does.Contain("nginx"));
    }

    [TestCase(401, "unauthorized")]
    [TestCase(403, "forbidden")]
    [TestCase(404, "not_found")]
    [TestCase(500, "internal_error")]
    public async Task An_empty_error_body_maps_to_the_code_of_its_status(int status, string code)
    {
        _harness.Respond(ClientHarness.Status(status));

        var error = await Fails.With(() => _harness.Client.DeleteReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(new ReportsErrorCode(code)));
        Assert.That(error.ResponseExcerpt, Is.Null);
    }

    [Test]
    public async Task Only_the_services_own_body_makes_a_403_feature_not_in_plan()
    {
        _harness.Respond(ClientHarness.Error(403, "feature_not_in_plan", "Reports are a Pro+ feature"));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.FeatureNotInPlan));
    }

    [Test]
    public async Task The_services_message_cannot_break_the_exception_message_into_lines()
    {
        _harness.Respond(ClientHarness.Json(422, """{"error":{"code":"validation_failed\u0007","message":"line one\nFAKE LOG LINE: admin logged in\r\n\u001b[31mred","request_id":"req_\nx"}}"""));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.Message, Does.Contain("line one\\u000aFAKE LOG LINE: admin logged in\\u000d\\u000a\\u001b[31mred"));
        Assert.That(error.Message.Any(char.IsControl), Is.False, error.Message);
        Assert.That(error.ResponseExcerpt, Does.Contain("\\n"), "the excerpt keeps the raw body");
    }

    [Test]
    public async Task A_huge_service_message_is_cut_in_the_exception_message()
    {
        _harness.Respond(ClientHarness.Error(422, "validation_failed", new string('m', 12_000)));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.Message, Has.Length.LessThan(1_200));
        Assert.That(error.Message, Does.Contain("(12000 characters)"));
    }

    [TestCase(302)]
    [TestCase(304)]
    [TestCase(299)]
    public async Task A_status_the_api_does_not_give_is_an_invalid_response(int status)
    {
        _harness.Respond(ClientHarness.Status(status));

        var error = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task A_json_error_body_that_is_not_the_contract_shape_maps_by_status()
    {
        _harness.Respond(ClientHarness.Json(422, """{"detail":"nope"}"""));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.ValidationFailed));
        Assert.That(error.ResponseExcerpt, Is.EqualTo("""{"detail":"nope"}"""));
    }

    [Test]
    public async Task The_request_id_header_wins_over_the_body()
    {
        _harness.Respond(ClientHarness.Error(404, "not_found", requestId: "req_body").WithHeader("X-Request-Id", "req_header"));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.RequestId, Is.EqualTo("req_header"));
        Assert.That(error.Message, Does.Contain("req_header"));
    }

    [Test]
    public async Task The_body_excerpt_is_capped()
    {
        _harness.Respond(Response.Create().WithStatusCode(502).WithBody(new string('x', 50_000)));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ResponseExcerpt, Has.Length.EqualTo(ReportsException.MaxExcerptLength));
    }

    [Test]
    public async Task Malformed_json_in_a_success_response_is_an_invalid_response()
    {
        _harness.Respond(ClientHarness.Json(200, """{"run_id": "run_1", "status": """));

        var error = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Status, Is.EqualTo(200));
        Assert.That(error.InnerException, Is.InstanceOf<JsonException>());
    }

    [Test]
    public async Task A_success_response_of_the_wrong_shape_is_an_invalid_response()
    {
        _harness.Respond(ClientHarness.Json(200, """["not", "a", "run"]"""));

        var error = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
    }

    [Test]
    public async Task An_empty_success_body_where_a_model_is_expected_is_an_invalid_response()
    {
        _harness.Respond(ClientHarness.Status(200));

        var error = await Fails.With(() => _harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
    }

    [Test]
    public async Task A_truncated_body_is_a_typed_error()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var error = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse).Or.EqualTo(ReportsErrorCode.ConnectionFailed));
        Assert.That(error.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task A_connection_that_cannot_be_made_is_a_typed_error_with_the_cause_inside()
    {
        using var closed = new ClientHarness(o =>
        {
            o.MaxRetryAttempts = 0;
            o.BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/v1/");
        });

        var error = await Fails.With(() => closed.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.ConnectionFailed));
        Assert.That(error.Status, Is.EqualTo(0));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(error.Message, Does.Contain("could not connect, so nothing was sent").And.Not.Contain("lost its connection"));
    }

    [Test]
    public async Task An_attempt_that_times_out_is_a_typed_timeout()
    {
        using var slow = new ClientHarness(o =>
        {
            o.MaxRetryAttempts = 0;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        });
        slow.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun).WithDelay(TimeSpan.FromSeconds(1)));

        var error = await Fails.With(() => slow.Client.GetRunAsync("run_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(error.InnerException, Is.InstanceOf<Polly.Timeout.TimeoutRejectedException>());
    }

    [Test]
    public void Cancellation_by_the_caller_is_an_OperationCanceledException_not_a_ReportsException()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun).WithDelay(TimeSpan.FromSeconds(1)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(
            async () => await _harness.Client.GetRunAsync("run_1", cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
