namespace HeloData.Reports.Collector;

/// <summary>
/// What a service's id must be to become one file or folder name in a sink: ids are opaque, and the core's rules
/// for ids (no control character, not <c>.</c> or <c>..</c>) still let through a slash, a backslash, or a
/// <c>..</c> between them, each of which would lead a path somewhere else.
/// </summary>
internal static class SinkNames
{
    // Separators of every platform, and the characters no file name of this platform may hold (NUL on Unix).
    private static readonly char[] Forbidden = ['/', '\\', .. Path.GetInvalidFileNameChars()];

    /// <summary>Returns <paramref name="id"/> when it is one plain file name.</summary>
    /// <param name="id">The id.</param>
    /// <param name="what">What the id is, for the message (<c>report id</c>).</param>
    /// <param name="runId">The run concerned, for <see cref="ReportsException.RunId"/>.</param>
    /// <exception cref="ReportsException">It is not (<see cref="Models.ReportsErrorCode.InvalidResponse"/>): nothing is written.</exception>
    public static string Check(string id, string what, string runId)
    {
        if (id.Length == 0 || id is "." or ".." || id.Trim() != id)
        {
            throw Refused(id, what, runId, "it is empty, a dot-segment, or has surrounding white space");
        }

        if (id.IndexOfAny(Forbidden) >= 0 || id.Any(char.IsControl))
        {
            throw Refused(id, what, runId, "it contains a path separator, or a character no file name may hold");
        }

        return id;
    }

    /// <summary>The refusal of an id as part of a sink's path.</summary>
    public static ReportsException Refused(string id, string what, string runId, string reason) =>
        new(
            $"The service's {what} {PathMessages.Quote(id)} cannot be part of a file name in the sink ({reason}); the run {PathMessages.Quote(runId)} is not written, and is offered again.",
            Models.ReportsErrorCode.InvalidResponse,
            runId: runId);
}
