using HeloData.Reports.Collector;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>The state stores the receiver's tests record into, and a run's record as the receiver writes it without the client.</summary>
internal static class Stores
{
    /// <summary>A store in memory for one test, as one instance.</summary>
    public static InMemoryCollectorStateStore InMemory(TimeProvider? time = null) => new("receiver-test", time ?? TimeProvider.System);

    /// <summary>Which of <paramref name="runIds"/> the store records as handled (collected).</summary>
    public static async Task<string[]> HandledAsync(ICollectorStateStore store, params string[] runIds) =>
        [.. (await store.FindSettledAsync(runIds, CancellationToken.None)).Order(StringComparer.Ordinal)];

    /// <summary>The record the receiver claims a delivery of <paramref name="runId"/> with, when its headers name no report or window.</summary>
    public static RunRecord Record(string runId) => new() { RunId = runId, ReportId = "unknown", From = DateOnly.MinValue, To = DateOnly.MinValue };
}
