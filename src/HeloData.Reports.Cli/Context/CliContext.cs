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
/// <param name="In">Standard input, where a secret file option given as <c>-</c> reads; empty when <see langword="null"/>.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    bool ErrorIsTerminal,
    TimeProvider Time,
    TextReader? In = null)
{
    private string? _inputReadBy;

    /// <summary>
    /// All of standard input, for the option named. Only one option may read it: two secrets from one
    /// stream would silently be the same text (or the second empty), so the second is refused.
    /// </summary>
    /// <exception cref="UsageException">Another option already read standard input.</exception>
    public string ReadAllInput(string option)
    {
        if (_inputReadBy is { } first)
        {
            throw new UsageException($"{option}: standard input ('-') was already read for {first}; give one of them a file.");
        }

        _inputReadBy = option;
        return (In ?? TextReader.Null).ReadToEnd();
    }
}
