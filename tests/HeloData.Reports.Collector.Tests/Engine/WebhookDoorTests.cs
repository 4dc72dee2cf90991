using System.IO.Compression;
using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>The door for a run already on disk (a verified webhook delivery): gzip taken off as a download's is, the file read and left, and a run collected by one door not collected by the other.</summary>
public sealed class WebhookDoorTests : SandboxFixture
{
    [Test]
    public async Task A_gzipped_delivery_reaches_the_handlers_decompressed_and_the_poll_does_not_collect_it_again()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        using var client = Sandbox.CreateClient();
        using var content = new MemoryStream();
        await client.DownloadAsync(run, content);
        var delivery = Temp.Combine("delivery.bin");
        await using (var file = File.Create(delivery))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(content.ToArray());
        }

        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler));

        var pushed = await collector.Collector.CollectRunAsync(run, delivery, RunOrigin.Webhook);
        var again = await collector.Collector.CollectRunAsync(run, delivery, RunOrigin.Webhook);
        var pass = await collector.Collector.CollectOnceAsync();

        Assert.That((pushed, again), Is.EqualTo((RunCollectionResult.Collected, RunCollectionResult.AlreadyCollected)));
        Assert.That((pass.Collected, pass.AlreadyCollected), Is.EqualTo((0, 1)));
        var (received, bytes) = handler.Calls.Single();
        Assert.That(bytes, Is.EqualTo(content.ToArray()), "decompressed");
        Assert.That((received.Origin, received.Length, received.Format), Is.EqualTo((RunOrigin.Webhook, content.Length, ReportFormat.Csv)));
        Assert.That(File.Exists(delivery), Is.True, "the delivery's file is read, not deleted");
    }

    [Test]
    public async Task A_damaged_gzip_delivery_fails_the_run_which_stays_uncollected()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var delivery = Temp.Combine("damaged.bin");
        await File.WriteAllBytesAsync(delivery, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler));

        var result = await collector.Collector.CollectRunAsync(run, delivery, RunOrigin.Webhook);

        Assert.That(result, Is.EqualTo(RunCollectionResult.Failed));
        Assert.That(handler.Calls, Is.Empty);
        Assert.That(await collector.SettledAsync(run.RunId), Is.Empty);
        Assert.That(Directory.EnumerateFiles(collector.Spool.Folder), Is.Empty, "the spool file is deleted");
    }
}
