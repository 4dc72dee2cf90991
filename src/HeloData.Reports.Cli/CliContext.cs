namespace HeloData.Reports.Cli;

/// <summary>
/// What a command may touch of the outside world. Passed in rather than read from <see cref="Console"/>
/// and <see cref="Environment"/>, so tests run the whole tool in-process with their own.
/// </summary>
/// <param name="Out">The result: a summary, or with <c>--json</c> one JSON document and nothing else.</param>
/// <param name="Error">Diagnostics and progress.</param>
/// <param name="Environment">Looks up an environment variable.</param>
/// <param name="ErrorIsTerminal">Whether <see cref="Error"/> is a terminal: live progress lines only then.</param>
/// <param name="Time">The clock for elapsed times and for "next occurrences".</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    bool ErrorIsTerminal,
    TimeProvider Time);
