using HeloData.Reports.Collector.Tests.Support;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>
/// A handler that returned but whose return the store could not record: its claim must not be released (the run
/// would be offered again as never handled); it lapses, and the instance taking it over is told it may have been handled.
/// </summary>
public sealed class RecordLostTests : TwoCollectorsFixture
{
    [Test]
    public async Task A_return_that_cannot_be_recorded_leaves_the_claim_to_lapse_and_the_run_is_taken_over_as_maybe_handled()
    {
        var handler = new RecordingHandler();
        await using var two = await StartTwoAsync(b => b.AddHandler("h", _ => handler), s => new ObservedStore(s) { RecordsFail = true });
        var (a, b, run, time) = (two.A, two.B, two.Run, Time);

        var first = await a.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        var rightAfter = await b.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterTheLease = await b.Collector.CollectRunAsync(run, null, RunOrigin.Application);

        Assert.That(first, Is.EqualTo(RunCollectionResult.Failed));
        Assert.That(rightAfter, Is.EqualTo(RunCollectionResult.InProgress), "not released: the claim lapses");
        Assert.That(afterTheLease, Is.EqualTo(RunCollectionResult.Collected));
        Assert.That(handler.Calls.Select(c => (c.Run.Attempt, c.Run.MayHaveBeenHandled)), Is.EqualTo(new[] { (1, false), (2, true) }));
        Assert.That(await b.SettledAsync(run.RunId), Is.EquivalentTo(new[] { run.RunId }));
    }
}
