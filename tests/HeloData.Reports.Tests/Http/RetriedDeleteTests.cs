using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Tests.Http;

/// <summary>
/// A DELETE whose first attempt acted but whose answer was lost (a timeout) meets a <c>404</c> on retry:
/// the report is gone, which is what the caller asked for.
/// </summary>
public sealed class RetriedDeleteTests
{
    [Test]
    public async Task A_404_on_the_retry_of_a_delete_is_success()
    {
        using var harness = new ClientHarness(
            o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300),
            configureServices: services => services.AddHeloReports().AddHttpMessageHandler(() => new FirstAnswerLost()));
        harness.RespondInSequence(
            ClientHarness.Status(204),
            ClientHarness.Error(404, "not_found", "no such report"));

        await harness.Client.DeleteReportAsync("rep_1");

        Assert.That(harness.Requests.Select(r => r.Method), Is.EqualTo(new[] { "DELETE", "DELETE" }));
    }

    [Test]
    public async Task A_404_on_the_first_attempt_of_a_delete_is_still_not_found()
    {
        using var harness = new ClientHarness();
        harness.Respond(ClientHarness.Error(404, "not_found", "no such report"));

        var error = await Fails.With(() => harness.Client.DeleteReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.NotFound));
        Assert.That(harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_404_on_the_retry_of_a_read_is_still_not_found()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(ClientHarness.Status(503), ClientHarness.Error(404, "not_found"));

        var error = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.NotFound));
        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }
}
