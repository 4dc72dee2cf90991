using System.Globalization;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>The text form of a value, shared by CSV, TSV and NDJSON so all three spell values alike.</summary>
internal static class CellText
{
    public const string DateFormat = "yyyy-MM-dd";

    // Whole seconds, 'Z': the same RFC 3339 form the SDK writes for API timestamps.
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Format(ArtifactColumn column, object value) => column.Kind switch
    {
        ColumnKind.Text => (string)value,
        ColumnKind.Int32 => ((int)value).ToString(CultureInfo.InvariantCulture),
        ColumnKind.Int64 => ((long)value).ToString(CultureInfo.InvariantCulture),
        // A fixed number of decimals, so 3.5 is always "3.50" whatever scale the decimal carries.
        ColumnKind.Decimal => ((decimal)value).ToString("F" + column.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        ColumnKind.Date => ((DateOnly)value).ToString(DateFormat, CultureInfo.InvariantCulture),
        ColumnKind.Timestamp => ((DateTime)value).ToString(TimestampFormat, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
    };

    /// <summary>Whether the value is a JSON number (written bare) rather than a JSON string.</summary>
    public static bool IsNumber(ColumnKind kind) => kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Decimal;
}
