using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>
/// A claim records the run's report and window. With the client registered they are the service's (the run read by
/// its signed id), whatever the unsigned headers say; without it, the headers', which nothing then reads.
/// </summary>
public sealed class DeliveryRunRecordTests
{
    [Test]
    public async Task With_the_client_the_record_is_the_services_run_not_the_forged_headers()
    {
        using var sandbox = ReportsSandbox.Start();
        using var client = sandbox.CreateClient();
        var report = await client.CreateReportAsync(new NewReport("mailed", ReportType.Traffic, ReportFormat.Csv) { Destination = new EmailDestination("ops@example.com") });
        var run = await client.WaitForCompletionAsync((await client.RunReportAsync(report.Id)).RunId);
        var store = Stores.InMemory();
        await using var receiver = await Receiver.StartAsync((_, _) => Task.CompletedTask, store: store, services: s => s.AddSingleton<IReportsClient>(client));

        using var response = await Deliveries.SendAsync(receiver.Address, run.RunId, Deliveries.Csv(), Forge);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await store.GetCoveredWindowsAsync(report.Id, DateOnly.MinValue, default), Is.EquivalentTo(new[] { (run.From!.Value, run.To!.Value) }));
        Assert.That(await store.GetCoveredWindowsAsync("rep_forged", DateOnly.MinValue, default), Is.Empty);
    }

    [Test]
    public async Task With_the_client_a_run_the_service_does_not_know_is_answered_503_and_not_handled()
    {
        using var sandbox = ReportsSandbox.Start();
        using var client = sandbox.CreateClient();
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { calls++; return Task.CompletedTask; }, store: Stores.InMemory(), services: s => s.AddSingleton<IReportsClient>(client));

        using var response = await Deliveries.SendAsync(receiver.Address, "run_nobody_made", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task Without_the_client_the_record_is_the_headers_and_a_delivery_without_them_is_still_handled()
    {
        var store = Stores.InMemory();
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { calls++; return Task.CompletedTask; }, store: store);

        using var forged = await Deliveries.SendAsync(receiver.Address, "run_headers", Deliveries.Csv(), Forge);
        using var bare = await Deliveries.SendAsync(receiver.Address, "run_bare", Deliveries.Csv(), r => r.Headers.Remove("helodata-report-id"));

        Assert.That((forged.StatusCode, bare.StatusCode, calls), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, 2)));
        Assert.That(await store.GetCoveredWindowsAsync("rep_forged", DateOnly.MinValue, default), Is.EquivalentTo(new[] { (new DateOnly(2001, 1, 1), new DateOnly(2001, 1, 31)) }));
        Assert.That(await Stores.HandledAsync(store, "run_headers", "run_bare"), Is.EqualTo(new[] { "run_bare", "run_headers" }));
    }

    private static void Forge(HttpRequestMessage request)
    {
        request.Headers.Remove("helodata-report-id");
        request.Headers.Add("helodata-report-id", "rep_forged");
        request.Headers.Add("helodata-window-from", "2001-01-01");
        request.Headers.Add("helodata-window-to", "2001-01-31");
    }
}
