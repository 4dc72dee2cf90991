using System.ComponentModel;
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
public readonly struct RunStatus : IEquatable<RunStatus>, IExtensibleEnum<RunStatus>
{
    private readonly string? _value;

    /// <summary>Creates a run status from its wire value; any non-null string is accepted.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public RunStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

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

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both name the same value.</returns>
    public static bool operator ==(RunStatus left, RunStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(RunStatus left, RunStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string to a run status.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    public static implicit operator RunStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunStatus other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The value exactly as the API spells it.</returns>
    public override string ToString() => _value ?? string.Empty;

    string? IExtensibleEnum<RunStatus>.WireValue => _value;

    static RunStatus IExtensibleEnum<RunStatus>.FromWire(string value) => new(value);
}
