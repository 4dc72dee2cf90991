using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>The store is opened and checked while the host starts: a store that cannot work fails the start, naming its file.</summary>
public sealed class DeliveryStoreStartupTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-store-startup-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_corrupt_store_fails_the_host_at_start_naming_the_file()
    {
        var database = Path.Combine(_folder, "handled-runs.db");
        await File.WriteAllTextAsync(database, "this is not a SQLite database, but it is long enough to have a header of sorts");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.StorePath = database));

        Assert.That(exception!.Message, Does.Contain(database).And.Contain("not a SQLite database"));
    }

    [Test]
    public async Task A_second_live_receiver_under_the_same_instance_name_fails_the_start_naming_the_file_and_the_receivers_options()
    {
        var database = Path.Combine(_folder, "handled-runs.db");
        await using var live = await Receiver.StartAsync((_, _) => Task.CompletedTask, o => { o.StorePath = database; o.InstanceName = "receiver-a"; });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Receiver.StartAsync((_, _) => Task.CompletedTask, o => { o.StorePath = database; o.InstanceName = "receiver-a"; }));

        Assert.That(exception!.Message, Does.Contain(database).And.Contain("'receiver-a'").And.Contain("ReportWebhookOptions.InstanceName").And.Contain("ReportWebhookOptions.StorePath"));
    }

    [Test]
    public async Task A_store_that_works_is_ready_before_the_first_delivery()
    {
        var database = Path.Combine(_folder, "handled-runs.db");

        await using var receiver = await Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.StorePath = database);

        Assert.That(File.Exists(database), "created at start, not at the first delivery");
    }
}
