using HeloData.Reports.Models;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>
/// <see cref="Failures"/> on its own, for what the sandbox cannot be made to throw: an unexpected
/// exception (exit code 1), and the SDK's own refusal before sending (2).
/// </summary>
public sealed class FailuresTests
{
    [Test]
    public void An_unexpected_exception_exits_1_with_its_type_and_message()
    {
        var (code, error) = Report(new InvalidOperationException("the disk is full"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo("error: unexpected InvalidOperationException: the disk is full" + Environment.NewLine));
    }

    [Test]
    public void The_SDKs_own_refusal_before_sending_exits_2_with_its_message()
    {
        var (code, error) = Report(new ArgumentException("The schedule has 4 fields.", "report"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Is.EqualTo("error: refused before sending: The schedule has 4 fields." + Environment.NewLine));
    }

    private static IEnumerable<TestCaseData> ArgumentExceptions()
    {
        yield return new TestCaseData(new ArgumentException("BaseAddress must use https.", "options"), "BaseAddress must use https.").SetArgDisplayNames("ArgumentException");
        yield return new TestCaseData(new ArgumentNullException("options"), "Value cannot be null.").SetArgDisplayNames("ArgumentNullException");
        yield return new TestCaseData(new ArgumentOutOfRangeException("pageSize", 0, "pageSize must be 1 to 100."), "pageSize must be 1 to 100.").SetArgDisplayNames("ArgumentOutOfRangeException");
    }

    [TestCaseSource(nameof(ArgumentExceptions))]
    public void No_message_carries_the_SDKs_parameter_name(ArgumentException exception, string expected)
    {
        var (code, refused) = Report(exception);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(refused, Does.StartWith($"error: refused before sending: {expected}"));
        Assert.That(refused, Does.Not.Contain("(Parameter '"));
    }

    [Test]
    public void A_service_error_without_status_or_request_id_prints_only_what_there_is()
    {
        var (code, error) = Report(new ReportsException("Could not connect.", ReportsErrorCode.ConnectionFailed));

        Assert.That(code, Is.EqualTo(3));
        Assert.That(error.TrimEnd(), Is.EqualTo("error: connection_failed: Could not connect."));
    }

    [Test]
    public void A_cancellation_the_user_did_not_ask_for_is_not_reported_as_Ctrl_C()
    {
        var (code, _) = Report(new OperationCanceledException("an HTTP timeout"));

        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void A_download_host_that_cannot_be_reached_is_named_as_such_not_as_the_services_address()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (downloads.example.com:443)");
        var failure = new ReportsException("Download of run run_1 could not connect, so nothing was sent.", ReportsErrorCode.ConnectionFailed, innerException: refused);

        var (code, error) = Report(new DownloadFailedException("run_1", "out.csv", failure));

        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("the download host could not be reached: Connection refused (downloads.example.com:443). Nothing was sent."));
        Assert.That(error, Does.Contain("runs download run_1 -o out.csv").And.Not.Contain("HELODATA_BASE_URL").And.Not.Contain("goes on"));
    }

    private static (int Code, string Error) Report(Exception exception)
    {
        var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, _ => null, false, TimeProvider.System);
        return (Failures.Report(context, exception, CancellationToken.None), error.ToString());
    }
}
