using HeloData.Reports.AspNetCore.Tests.Support;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>The claim's lease and the receiver's instance name are checked at start-up, naming the setting.</summary>
public sealed class HandlerLeaseValidationTests
{
    [TestCase(0)]
    [TestCase(999)]
    public async Task A_lease_under_a_second_fails_the_start_naming_it(int milliseconds)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.HandlerLease = TimeSpan.FromMilliseconds(milliseconds), Stores.InMemory()));

        Assert.That(exception!.Message, Does.Contain("HandlerLease must be at least 1 second"));
    }

    [Test]
    public async Task A_blank_instance_name_fails_the_start_naming_it()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.InstanceName = " ", Stores.InMemory()));

        Assert.That(exception!.Message, Does.Contain("InstanceName is blank"));
    }

    [Test]
    public void The_default_lease_is_a_minute() =>
        Assert.That(new ReportWebhookOptions().HandlerLease, Is.EqualTo(TimeSpan.FromMinutes(1)).And.EqualTo(ReportWebhookOptions.DefaultHandlerLease));
}
