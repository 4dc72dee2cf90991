using System.Globalization;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>The text form of a value, shared by CSV, TSV and NDJSON so all three spell values alike.</summary>
internal static class ArtifactText
{
    public const string DateFormat = "yyyy-MM-dd";

    // Whole seconds, 'Z': the same RFC 3339 form the SDK writes for API timestamps.
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Room for the longest text form of a value that is not text (a decimal with its sign and point).</summary>
    public const int MaxFormattedLength = 64;

    public static string Format(ArtifactColumn column, object value) => column.Kind == ColumnKind.Text
        ? (string)value
        : new string(Format(column, value, stackalloc char[MaxFormattedLength]));

    /// <summary>
    /// The text form of a value without allocating a string for it: a text value as is, any other
    /// formatted into <paramref name="buffer"/> (at least <see cref="MaxFormattedLength"/> chars).
    /// </summary>
    public static ReadOnlySpan<char> Format(ArtifactColumn column, object value, Span<char> buffer)
    {
        var invariant = CultureInfo.InvariantCulture;
        var written = 0;
        var formatted = column.Kind switch
        {
            ColumnKind.Text => true,
            ColumnKind.Int32 => ((int)value).TryFormat(buffer, out written, default, invariant),
            ColumnKind.Int64 => ((long)value).TryFormat(buffer, out written, default, invariant),
            // A fixed number of decimals, so 3.5 is always "3.50" whatever scale the decimal carries.
            ColumnKind.Decimal => ((decimal)value).TryFormat(buffer, out written, DecimalFormat(column.Scale), invariant),
            ColumnKind.Date => ((DateOnly)value).TryFormat(buffer, out written, DateFormat, invariant),
            ColumnKind.Timestamp => ((DateTime)value).TryFormat(buffer, out written, TimestampFormat, invariant),
            _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
        };

        if (column.Kind == ColumnKind.Text)
        {
            return ((string)value).AsSpan();
        }

        return formatted ? buffer[..written] : throw new InvalidOperationException($"Column '{column.Name}' has a value too long to format: {value}.");
    }

    /// <summary>Whether the value is a JSON number (written bare) rather than a JSON string.</summary>
    public static bool IsNumber(ColumnKind kind) => kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Decimal;

    private static string DecimalFormat(int scale) => scale switch
    {
        2 => "F2",
        3 => "F3",
        4 => "F4",
        _ => "F" + scale.ToString(CultureInfo.InvariantCulture),
    };
}
