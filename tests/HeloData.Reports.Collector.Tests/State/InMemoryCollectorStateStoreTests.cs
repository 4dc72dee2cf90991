namespace HeloData.Reports.Collector.Tests.State;

/// <summary>The store contract, against stores in memory sharing one <see cref="InMemoryCollectorState"/> per test.</summary>
public sealed class InMemoryCollectorStateStoreTests : CollectorStateStoreContract
{
    private InMemoryCollectorState _state = null!;

    [Test]
    public void A_store_with_a_state_of_its_own_shares_nothing()
    {
        var a = new InMemoryCollectorStateStore("a", Time);
        var b = new InMemoryCollectorStateStore("a", Time);

        Assert.That(a.State, Is.Not.SameAs(b.State));
        Assert.That(() => new InMemoryCollectorStateStore(" ", Time), Throws.ArgumentException);
    }

    /// <inheritdoc />
    protected override Task CreateDatabaseAsync()
    {
        _state = new InMemoryCollectorState();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override ICollectorStateStore CreateStore(string instanceName, TimeProvider time) => new InMemoryCollectorStateStore(instanceName, time, _state);
}
