namespace HeloData.Reports.AspNetCore;

/// <summary>The answer of <see cref="IReportDeliveryStore.TryClaimAsync"/>: whether the caller now holds the run, and what earlier attempts left.</summary>
public sealed class ReportDeliveryClaim
{
    /// <summary>Creates an answer; a store's own implementation of <see cref="IReportDeliveryStore.TryClaimAsync"/> returns one.</summary>
    /// <param name="status">What the store found.</param>
    /// <param name="attempt">For <see cref="ReportDeliveryClaimStatus.Claimed"/>: how many times the run has been claimed, this claim included (1 the first time); 0 otherwise.</param>
    /// <param name="mayHaveBeenHandled">For <see cref="ReportDeliveryClaimStatus.Claimed"/>: an earlier claim ended with no outcome recorded (its holder died or stopped renewing it), so its handler may have finished.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is not positive for a claim, or not 0 otherwise.</exception>
    public ReportDeliveryClaim(ReportDeliveryClaimStatus status, int attempt = 0, bool mayHaveBeenHandled = false)
    {
        if (status == ReportDeliveryClaimStatus.Claimed ? attempt < 1 : attempt != 0 || mayHaveBeenHandled)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, $"A {status} answer has {(status == ReportDeliveryClaimStatus.Claimed ? "an attempt of 1 or more" : "no attempt")}.");
        }

        Status = status;
        Attempt = attempt;
        MayHaveBeenHandled = mayHaveBeenHandled;
    }

    /// <summary>The run was handled before.</summary>
    public static ReportDeliveryClaim AlreadyHandled { get; } = new(ReportDeliveryClaimStatus.AlreadyHandled);

    /// <summary>Another receiver holds a live claim on the run.</summary>
    public static ReportDeliveryClaim InProgress { get; } = new(ReportDeliveryClaimStatus.InProgress);

    /// <summary>What the store found.</summary>
    public ReportDeliveryClaimStatus Status { get; }

    /// <summary>How many times the run has been claimed, this claim included: 1 the first time; 0 unless <see cref="Status"/> is <see cref="ReportDeliveryClaimStatus.Claimed"/>.</summary>
    public int Attempt { get; }

    /// <summary>
    /// An earlier claim of the run ended with no outcome recorded: its receiver died, or stopped renewing the
    /// claim, while handling it. Its handler may have finished (the process died after the handler returned and
    /// before the run was recorded as handled), so a handler with side effects checks by run id.
    /// </summary>
    public bool MayHaveBeenHandled { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Status == ReportDeliveryClaimStatus.Claimed ? $"Claimed (attempt {Attempt}{(MayHaveBeenHandled ? ", may have been handled" : string.Empty)})" : Status.ToString();
}
