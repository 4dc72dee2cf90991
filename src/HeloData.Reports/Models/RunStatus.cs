using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The state of a report run (a run's <c>status</c>).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<RunStatus>))]
[ExtensibleEnum("a run status")]
public readonly partial struct RunStatus
{
    /// <summary>Accepted and waiting to start (documented) (<c>queued</c>).</summary>
    public static RunStatus Queued { get; } = new("queued");

    /// <summary>Being produced (assumed by the contract) (<c>running</c>).</summary>
    public static RunStatus Running { get; } = new("running");

    /// <summary>Finished; the artifact is ready or was pushed to its destination (documented) (<c>completed</c>).</summary>
    public static RunStatus Completed { get; } = new("completed");

    /// <summary>Finished without an artifact; see the run's <c>error</c> (assumed by the contract) (<c>failed</c>).</summary>
    public static RunStatus Failed { get; } = new("failed");

    /// <summary>
    /// Whether the run has finished: <see cref="Completed"/> or <see cref="Failed"/>. Any other value,
    /// including one the SDK does not know, means the run is still in progress.
    /// </summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed);
}
