namespace HeloData.Reports.Collector;

/// <summary>
/// An <see cref="ICollectorStateStore"/> in process memory: every call is atomic, nothing survives the process.
/// For tests, and for one process that can afford to collect again after a restart what it collected before.
/// </summary>
/// <remarks>
/// Several stores given one <see cref="InMemoryCollectorState"/> behave as instances sharing a database (a store
/// created under a name that another store on the state used plays that instance's next life). A claim on a run
/// or on a gap's backfill is held while its lease lasts: any other claim, including a second one by the same
/// store, is refused until then.
/// </remarks>
public sealed partial class InMemoryCollectorStateStore : ICollectorStateStore
{
    private readonly InMemoryCollectorState _state;
    private readonly TimeProvider _time;
    private readonly Guid _life = Guid.NewGuid();

    /// <summary>Creates a store with a state of its own.</summary>
    /// <param name="instanceName">The instance's name in its claims.</param>
    /// <param name="timeProvider">The clock of the leases and of the collection times.</param>
    /// <exception cref="ArgumentException"><paramref name="instanceName"/> is empty or blank.</exception>
    public InMemoryCollectorStateStore(string instanceName, TimeProvider timeProvider)
        : this(instanceName, timeProvider, new InMemoryCollectorState())
    {
    }

    /// <summary>Creates a store on a state other stores may share.</summary>
    /// <param name="instanceName">The instance's name in its claims.</param>
    /// <param name="timeProvider">The clock of the leases and of the collection times.</param>
    /// <param name="state">The state, shared by every store given it.</param>
    /// <exception cref="ArgumentException"><paramref name="instanceName"/> is empty or blank.</exception>
    public InMemoryCollectorStateStore(string instanceName, TimeProvider timeProvider, InMemoryCollectorState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(state);
        InstanceName = instanceName;
        _time = timeProvider;
        _state = state;
    }

    /// <summary>The instance name this store's claims are recorded under.</summary>
    public string InstanceName { get; }

    /// <summary>The state this store works on.</summary>
    public InMemoryCollectorState State => _state;

    /// <summary>Releases the claims (on runs and on backfills) that earlier stores under this instance name left on the state.</summary>
    /// <param name="cancellationToken">Not used: the call does not wait.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_state.Gate)
        {
            foreach (var run in _state.Runs.Values.Where(run => run.Life is { } life && life != _life && run.Owner == InstanceName))
            {
                // The earlier life stopped without an outcome: its handlers may have run.
                (run.Owner, run.Life, run.Unfinished) = (null, null, true);
            }

            foreach (var gap in _state.Gaps.Values.Where(gap => gap.Life is { } life && life != _life && gap.Owner == InstanceName))
            {
                (gap.Owner, gap.Life) = (null, null);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        lock (_state.Gate)
        {
            IReadOnlySet<string> settled = runIds
                .Where(id => _state.Runs.GetValueOrDefault(id) is { } run && (run.CollectedAt is not null || run.Failed))
                .ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(settled);
        }
    }

    /// <inheritdoc />
    public Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        StoreArguments.Lease(lease);
        var now = _time.GetUtcNow();
        lock (_state.Gate)
        {
            var entry = Record(run);
            if (entry.CollectedAt is not null)
            {
                return Task.FromResult(RunClaim.AlreadyCollected);
            }

            if (entry.Life is not null && entry.LeaseUntil > now)
            {
                return Task.FromResult(RunClaim.InProgress);
            }

            // A claim still on the run lapsed with no outcome: it is taken over, and its handlers may have run.
            entry.Unfinished |= entry.Life is not null;
            (entry.Owner, entry.Life, entry.LeaseUntil) = (InstanceName, _life, now + lease);
            entry.Attempts++;
            return Task.FromResult(new RunClaim(RunClaimStatus.Claimed, entry.Attempts, entry.Unfinished, [.. entry.FinishedHandlers]));
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Lease(lease);
        return Task.FromResult(UnderOwnClaim(runId, run => run.LeaseUntil = _time.GetUtcNow() + lease));
    }

    /// <inheritdoc />
    public Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        return Task.FromResult(UnderOwnClaim(runId, run => run.FinishedHandlers.Add(handlerName)));
    }

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var now = _time.GetUtcNow();
        lock (_state.Gate)
        {
            var run = Entry(runId);
            run.CollectedAt ??= now;
            (run.Owner, run.Life) = (null, null);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken)
    {
        UnderOwnClaim(runId, run => (run.Owner, run.Life) = (null, null));
        return Task.CompletedTask;
    }

    // Runs the change when this store's life holds the run's claim (lapsed or not, as long as nobody took it over).
    private bool UnderOwnClaim(string runId, Action<InMemoryCollectorState.RunEntry> change)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        lock (_state.Gate)
        {
            if (_state.Runs.GetValueOrDefault(runId) is { CollectedAt: null } run && run.Life == _life)
            {
                change(run);
                return true;
            }

            return false;
        }
    }

    private InMemoryCollectorState.RunEntry Record(RunRecord run)
    {
        var entry = Entry(run.RunId);
        if (entry.ReportId is null)
        {
            (entry.ReportId, entry.From, entry.To) = (run.ReportId, run.From, run.To);
        }

        return entry;
    }

    private InMemoryCollectorState.RunEntry Entry(string runId)
    {
        if (!_state.Runs.TryGetValue(runId, out var entry))
        {
            entry = new InMemoryCollectorState.RunEntry();
            _state.Runs.Add(runId, entry);
        }

        return entry;
    }
}
