namespace HeloData.Reports.Rows;

/// <summary>
/// An artifact that cannot be read as rows: a value that does not parse as its column's type, or a
/// structural problem (a csv row with more or fewer fields than the header, an NDJSON line that is not
/// a JSON object, a parquet column of an unexpected type, a file cut short, HTML instead of data).
/// Never a silent default: the message names the row, the column and the value.
/// </summary>
/// <remarks>
/// A column that is missing altogether is not this error: its property throws
/// <see cref="InvalidOperationException"/> when read, and only then.
/// </remarks>
public sealed class ReportRowFormatException : FormatException
{
    // A pasted megabyte in one cell should not become a megabyte in every log line that keeps the exception.
    internal const int MaxValueLength = 1024;

    /// <summary>Creates the exception; for the SDK and for application tests.</summary>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="rowNumber">The 1-based data row; 0 for the header or the file as a whole.</param>
    /// <param name="column">The column, when one is to blame.</param>
    /// <param name="value">The offending value as read; cut to 1,024 characters.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ReportRowFormatException(string message, long rowNumber, string? column = null, string? value = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RowNumber = rowNumber;
        Column = column;
        Value = Cut(value);
    }

    /// <summary>The 1-based number of the data row (header excluded); 0 for the header, the schema or the file as a whole.</summary>
    public long RowNumber { get; }

    /// <summary>The column whose value is wrong; <see langword="null"/> for a problem of the whole row or file.</summary>
    public string? Column { get; }

    /// <summary>The value as read (at most 1,024 characters); <see langword="null"/> when no single value is to blame.</summary>
    public string? Value { get; }

    /// <summary>The error for a value that does not parse: <c>Row 12, column 'bandwidth_bytes': "abc" is not an integer.</c></summary>
    internal static ReportRowFormatException Unparsable(long rowNumber, string column, string value, string expected, Exception? innerException = null) =>
        new($"Row {rowNumber}, column '{ValueText.Escape(column)}': {ValueText.Quote(value)} is not {expected}.", rowNumber, column, value, innerException);

    private static string? Cut(string? value)
    {
        if (value is null || value.Length <= MaxValueLength)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return value[..length];
    }
}
