namespace HeloData.Reports.Cli;

/// <summary>An exception's message as the tool prints it.</summary>
internal static class Messages
{
    /// <summary>
    /// The message, without the <c>(Parameter 'name')</c> that <see cref="ArgumentException.Message"/>
    /// appends: the parameter is the SDK's (often <c>options</c>), and means nothing on a command line,
    /// where the text itself names the option or variable to fix.
    /// </summary>
    public static string Of(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { Length: > 0 } name })
        {
            // The runtime's own words for the suffix (they are a resource), so no English text is assumed.
            var suffix = new ArgumentException(string.Empty, name).Message;
            var at = message.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message.Remove(at, suffix.Length);
            }
        }

        return message;
    }
}
