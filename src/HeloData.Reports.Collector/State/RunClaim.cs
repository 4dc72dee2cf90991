namespace HeloData.Reports.Collector;

/// <summary>The answer of <see cref="ICollectorStateStore.TryClaimAsync"/>: whether the caller now holds the run, and what earlier claims left.</summary>
public sealed class RunClaim
{
    /// <summary>Creates an answer; a store's implementation of <see cref="ICollectorStateStore.TryClaimAsync"/> returns one.</summary>
    /// <param name="status">What the store found.</param>
    /// <param name="attempt">For <see cref="RunClaimStatus.Claimed"/>: how many times the run has been claimed, this claim included (1 the first time); 0 otherwise.</param>
    /// <param name="mayHaveBeenHandled">For <see cref="RunClaimStatus.Claimed"/>: an earlier claim ended with no outcome recorded (its holder died or stopped renewing it).</param>
    /// <param name="finishedHandlers">For <see cref="RunClaimStatus.Claimed"/>: the names of the handlers whose return an earlier claim recorded (<see cref="ICollectorStateStore.RecordHandlerFinishedAsync"/>); they are not called again.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is not positive for a claim, or not 0 otherwise.</exception>
    public RunClaim(RunClaimStatus status, int attempt = 0, bool mayHaveBeenHandled = false, IReadOnlyCollection<string>? finishedHandlers = null)
    {
        var claimed = status == RunClaimStatus.Claimed;
        if (claimed ? attempt < 1 : attempt != 0 || mayHaveBeenHandled || finishedHandlers is { Count: > 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, $"A {status} answer has {(claimed ? "an attempt of 1 or more" : "no attempt and nothing finished")}.");
        }

        Status = status;
        Attempt = attempt;
        MayHaveBeenHandled = mayHaveBeenHandled;
        FinishedHandlers = finishedHandlers ?? [];
    }

    /// <summary>The run was collected before.</summary>
    public static RunClaim AlreadyCollected { get; } = new(RunClaimStatus.AlreadyCollected);

    /// <summary>Another instance holds a live claim on the run.</summary>
    public static RunClaim InProgress { get; } = new(RunClaimStatus.InProgress);

    /// <summary>What the store found.</summary>
    public RunClaimStatus Status { get; }

    /// <summary>How many times the run has been claimed, this claim included; 0 unless <see cref="Status"/> is <see cref="RunClaimStatus.Claimed"/>.</summary>
    public int Attempt { get; }

    /// <summary>An earlier claim of the run ended with no outcome recorded: its instance died or stopped renewing it while handling the run.</summary>
    public bool MayHaveBeenHandled { get; }

    /// <summary>The handlers whose return was recorded under earlier claims of the run.</summary>
    public IReadOnlyCollection<string> FinishedHandlers { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Status == RunClaimStatus.Claimed ? $"Claimed (attempt {Attempt}{(MayHaveBeenHandled ? ", may have been handled" : string.Empty)})" : Status.ToString();
}
