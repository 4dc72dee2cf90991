namespace HeloData.Reports.Collector;

/// <summary>The claim on a run stopped being this owner's while it was collected (taken over, or about to lapse unrenewed): another instance collects the run.</summary>
internal sealed class ClaimLostException(string runId, Exception? innerException = null)
    : Exception($"The claim on {runId} was lost while it was collected here; another instance collects the run.", innerException);

/// <summary>
/// A handler returned but the store did not record it: releasing the claim would offer the run again as never
/// handled, so the claim is left to lapse and the instance that takes it over is told it may have been handled.
/// </summary>
internal sealed class HandlerNotRecordedException(string runId, string handlerName, Exception innerException)
    : Exception($"The handler '{handlerName}' of {runId} returned but could not be recorded as finished; the claim is left to lapse.", innerException);
