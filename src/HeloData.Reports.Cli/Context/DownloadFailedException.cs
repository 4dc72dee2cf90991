namespace HeloData.Reports.Cli;

/// <summary>
/// A completed run's artifact could not be fetched: the run is not in question (it is done), the
/// download host is. Carries what to say instead of "the run goes on" or "the run was not found".
/// </summary>
/// <param name="runId">The run whose artifact it is.</param>
/// <param name="path">Where the file was to go.</param>
/// <param name="innerException">The SDK's failure.</param>
internal sealed class DownloadFailedException(string runId, string path, ReportsException innerException)
    : Exception(innerException.Message, innerException)
{
    public string RunId { get; } = runId;

    public string Path { get; } = path;

    public ReportsException Failure { get; } = innerException;
}
