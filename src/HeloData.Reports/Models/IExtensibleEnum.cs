namespace HeloData.Reports.Models;

/// <summary>
/// Implemented (explicitly) by every string-backed value type, so that one JSON converter
/// serves them all and a value the SDK does not know travels through unchanged.
/// </summary>
internal interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The value exactly as it appears on the wire; <see langword="null"/> for <c>default</c>.</summary>
    string? WireValue { get; }

    /// <summary>Wraps a wire value without judging it: unknown values are legal.</summary>
    static abstract TSelf FromWire(string value);
}

/// <summary>Equality shared by the string-backed value types.</summary>
internal static class ExtensibleEnum
{
    // Case-insensitive, like the Azure SDK's extensible enums: "CSV" and "csv" name the same
    // format, while the original spelling is still what gets written back.
    private static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static bool Equals(string? left, string? right) => Comparer.Equals(left, right);

    public static int GetHashCode(string? value) => value is null ? 0 : Comparer.GetHashCode(value);
}
