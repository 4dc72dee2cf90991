using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>Only the delivery endpoint's requests get its body limit; the app's other endpoints keep Kestrel's.</summary>
public sealed class BodyLimitTests
{
    private const int OverKestrelsDefault = 31 * 1000 * 1000;

    [Test]
    public async Task A_delivery_over_kestrels_default_is_read_while_another_endpoint_still_refuses_it()
    {
        var temp = Directory.CreateTempSubdirectory("helodata-limit-").FullName;
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton<HeloData.Reports.Collector.ICollectorStateStore>(Stores.InMemory());
            builder.Services.AddHeloReportsWebhooks(o => { o.SigningSecrets = [Deliveries.Secret]; o.TemporaryDirectory = temp; o.MaxDeliveryBytes = 64L * 1024 * 1024; });
            await using var app = builder.Build();
            long handled = 0;
            app.MapHeloReportsWebhook("/hooks", (delivery, _) => { handled = delivery.Length; return Task.CompletedTask; });
            app.MapPost("/other", async context =>
            {
                try
                {
                    await context.Request.Body.CopyToAsync(Stream.Null);
                }
                catch (BadHttpRequestException exception)
                {
                    context.Response.StatusCode = exception.StatusCode;
                }
            });
            await app.StartAsync();
            var root = new Uri(app.Urls.First());
            var body = new byte[OverKestrelsDefault];

            using var delivered = await Deliveries.SendAsync(new Uri(root, "/hooks"), "run_31mb", body);
            await using var sender = await RawSender.ConnectAsync(new Uri(root, "/other"));
            await sender.SendHeadAsync(new Uri(root, "/other"), [], OverKestrelsDefault);
            var other = await sender.ReadResponseAsync();

            Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(handled, Is.EqualTo(OverKestrelsDefault));
            Assert.That(other.Status, Is.EqualTo(413), "Kestrel's 30 MB default still holds elsewhere");
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
