using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HeloData.Reports.Tests.Http;

/// <summary>
/// A redirect away from the API host never carries the key, and a retry after one starts again from
/// the API host (the network layer rewrites the request's URI when it follows a redirect).
/// </summary>
public sealed class RedirectTests
{
    [Test]
    public async Task A_retry_after_a_redirect_goes_back_to_the_api_host_with_the_key_and_the_other_host_never_sees_it()
    {
        using var other = WireMockServer.Start();
        other.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));
        using var harness = new ClientHarness();
        harness.RespondInSequence(
            Response.Create().WithStatusCode(307).WithHeader("Location", $"{other.Url}/elsewhere"),
            ClientHarness.Json(200, ContractDocuments.ContractRun));

        var run = await harness.Client.GetRunAsync("run_1");

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(other.LogEntries.Single().RequestMessage.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        Assert.That(harness.Requests, Has.Count.EqualTo(2));
        Assert.That(harness.Requests.Select(r => r.Path), Is.All.EqualTo("/v1/reports/runs/run_1"));
        Assert.That(harness.Requests.Select(r => r.Headers!["Authorization"].Single()), Is.All.EqualTo($"Bearer {ClientHarness.ApiKey}"));
    }
}
