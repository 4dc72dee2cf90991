namespace HeloData.Reports.Cli;

/// <summary>
/// The service answered <c>not_found</c> to reading a run by its id: there is no run to wait for or to
/// download (a wrong id, or one past retention), which <see cref="Failures"/> says instead of "it goes on".
/// </summary>
/// <param name="runId">The id asked for.</param>
/// <param name="innerException">The service's answer.</param>
internal sealed class RunNotFoundException(string runId, ReportsException innerException)
    : Exception(innerException.Message, innerException)
{
    public string RunId { get; } = runId;

    public ReportsException Failure { get; } = innerException;
}
