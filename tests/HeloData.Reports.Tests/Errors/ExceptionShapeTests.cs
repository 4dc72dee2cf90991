using System.Reflection;
using System.Runtime.CompilerServices;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Errors;

/// <summary>
/// The SDK's exceptions say everything at construction and never change after: a log line, a retry
/// policy and the caller all see the same facts, and a test double is built with the constructor alone.
/// </summary>
public sealed class ExceptionShapeTests
{
    private static IEnumerable<Type> PublicExceptionTypes() =>
        typeof(ReportsException).Assembly.GetExportedTypes().Where(type => typeof(Exception).IsAssignableFrom(type));

    [TestCaseSource(nameof(PublicExceptionTypes))]
    public void No_property_of_a_public_exception_can_be_changed_after_construction(Type exceptionType)
    {
        var mutable = exceptionType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { } setter && !IsInitOnly(setter))
            .Select(property => property.Name);
        var fields = exceptionType.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(field => !field.IsInitOnly)
            .Select(field => field.Name);

        Assert.That(mutable.Concat(fields), Is.Empty);
    }

    [TestCaseSource(nameof(PublicExceptionTypes))]
    public void Every_public_exception_has_a_public_constructor_for_test_doubles(Type exceptionType)
    {
        Assert.That(exceptionType.GetConstructors(), Is.Not.Empty);
    }

    [Test]
    public void A_ReportsException_for_a_mock_carries_every_fact_it_exposes()
    {
        var cause = new IOException("reset");

        var error = new ReportsException("Waiting failed.", ReportsErrorCode.InternalError, 503, "req_1", TimeSpan.FromSeconds(7), "<html>", "run_1", cause)
        {
            OutcomeUnknown = false,
        };

        Assert.That(
            (error.Message, error.ErrorCode, error.Status, error.RequestId, error.RetryAfter, error.ResponseExcerpt, error.RunId, error.InnerException),
            Is.EqualTo(("Waiting failed.", ReportsErrorCode.InternalError, 503, "req_1", (TimeSpan?)TimeSpan.FromSeconds(7), "<html>", "run_1", (Exception)cause)));
        Assert.That(error.IsTransient, Is.True);
    }

    [Test]
    public void The_wait_exceptions_for_a_mock_name_their_run()
    {
        var run = ReportsModelFactory.ReportRun(runId: "run_2", status: RunStatus.Failed, error: ReportsModelFactory.RunError(ReportsErrorCode.Timeout, "exporter stalled"));
        var failed = new ReportRunFailedException(run);
        var timedOut = new ReportRunTimeoutException("run_3", TimeSpan.FromMinutes(5), run, retryAfter: TimeSpan.FromMinutes(10));
        var canceled = new ReportRunWaitCanceledException("run_4", null, CancellationToken.None);

        Assert.That((failed.RunId, failed.Run, failed.ErrorCode), Is.EqualTo(("run_2", run, ReportsErrorCode.Timeout)));
        Assert.That((timedOut.RunId, timedOut.LastRun, timedOut.RetryAfter), Is.EqualTo(("run_3", run, (TimeSpan?)TimeSpan.FromMinutes(10))));
        Assert.That(timedOut.Message, Does.Contain("asked to wait 600 s"));
        Assert.That(canceled.RunId, Is.EqualTo("run_4"));
    }

    [Test]
    public void IsTransient_is_read_from_the_status_the_code_and_the_kind()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ReportsException("x", ReportsErrorCode.BadRequest, 429).IsTransient, Is.True, "status 429");
            Assert.That(new ReportsException("x", ReportsErrorCode.ConnectionFailed).IsTransient, Is.True, "code connection_failed");
            Assert.That(new ReportsException("x", ReportsErrorCode.Timeout, runId: "run_1").IsTransient, Is.True, "a run id alone changes nothing");
            Assert.That(new ReportsException("x", ReportsErrorCode.Timeout) { OutcomeUnknown = true }.IsTransient, Is.False, "outcome unknown");
            Assert.That(new ReportsException("x", ReportsErrorCode.NotFound, 404).IsTransient, Is.False, "status 404");

            // The end of a wait: a timeout is transient unless the call that timed out started the run.
            Assert.That(new ReportRunTimeoutException("run_1", TimeSpan.FromMinutes(1), null).IsTransient, Is.True, "a wait alone that timed out");
            Assert.That(new ReportRunTimeoutException("run_1", TimeSpan.FromMinutes(1), null, runStartedByCall: true).IsTransient, Is.False, "a run and wait that timed out");
            var failedRun = ReportsModelFactory.ReportRun(status: RunStatus.Failed, error: ReportsModelFactory.RunError(ReportsErrorCode.Timeout, "slow"));
            Assert.That(new ReportRunFailedException(failedRun).IsTransient, Is.False, "a failed run waited again fails again");
        });
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
