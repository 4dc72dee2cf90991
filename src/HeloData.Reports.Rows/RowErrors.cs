using System.Text;

namespace HeloData.Reports.Rows;

/// <summary>Turns what the decoders throw about bad bytes into a <see cref="ReportRowFormatException"/> that says which row was being read.</summary>
internal static class RowErrors
{
    /// <summary>Bytes that are not what they claim: damaged or cut-short gzip, invalid UTF-8. Not cancellation, not a download failure.</summary>
    public static bool IsContentProblem(Exception exception) => exception is InvalidDataException or DecoderFallbackException;

    public static ReportRowFormatException Wrap(Exception exception, long rowNumber)
    {
        var where = rowNumber == 0 ? "The artifact's header" : $"Row {rowNumber}";
        return exception switch
        {
            ReportRowFormatException format => format,
            DecoderFallbackException => new ReportRowFormatException($"{where} is not valid UTF-8 text: {ValueText.Escape(exception.Message)}", rowNumber, innerException: exception),
            _ => new ReportRowFormatException($"{where} cannot be read: {ValueText.Escape(exception.Message)}", rowNumber, innerException: exception),
        };
    }
}
