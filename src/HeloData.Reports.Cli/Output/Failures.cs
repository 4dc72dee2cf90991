using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>
/// Turns what a command threw into one message on stderr and its exit code. Every message is printed
/// through <see cref="Messages.Of"/>, so none ends in the SDK's "(Parameter '…')".
/// </summary>
internal static class Failures
{
    public static int Report(CliContext context, Exception exception, CancellationToken cancellationToken)
    {
        var error = context.Error;
        switch (exception)
        {
            case UsageException usage:
                error.WriteLine($"error: {usage.Message}");
                return ExitCodes.Usage;

            case ReportRunWaitCanceledException canceled:
                error.WriteLine($"Interrupted. Run {canceled.RunId} goes on; resume with: helodata-reports runs wait {canceled.RunId}");
                return ExitCodes.Interrupted;

            case InterruptedException interrupted:
                error.WriteLine($"Interrupted. {interrupted.Message}");
                return ExitCodes.Interrupted;

            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                error.WriteLine("Interrupted.");
                return ExitCodes.Interrupted;

            case ReportRunFailedException failed:
                error.WriteLine($"Run {failed.Run.RunId} failed: {failed.Run.Error?.Code.ToString() ?? "(no code)"}: {failed.Run.Error?.Message}");
                return ExitCodes.RunFailed;

            case ReportRunTimeoutException timedOut:
                var last = timedOut.LastRun is { } run ? $" (last status: {run.Status})" : string.Empty;
                error.WriteLine($"Timed out waiting for run {timedOut.RunId}{last}. It goes on; resume with: helodata-reports runs wait {timedOut.RunId}");
                return ExitCodes.TimedOut;

            case RunNotFoundException notFound:
                error.WriteLine($"error: {notFound.Failure.ErrorCode}{Details(notFound.Failure)}: {Messages.Of(notFound.Failure)}");
                error.WriteLine($"Run {notFound.RunId} was not found: check the id (a run can be read only until its retention ends).");
                return ExitCodes.ServiceError;

            case DownloadFailedException download:
                ReportDownload(error, download);
                return ExitCodes.ServiceError;

            case ReportsException service when NeverConnected(service) is { } refused:
                var address = Credentials.BaseAddressText(context);
                error.WriteLine($"error: {service.ErrorCode}: the service could not be reached at {address}: {refused.Message}. Nothing was sent.");
                error.WriteLine(context.Environment(Credentials.BaseUrlVariable) is { Length: > 0 }
                    ? $"That address is {Credentials.BaseUrlVariable}'s: check it (a sandbox prints its own), or unset it for the real service."
                    : $"That is the real service's address; set {Credentials.BaseUrlVariable} to use another (such as a sandbox's).");
                return ExitCodes.ServiceError;

            case ReportsException service:
                error.WriteLine($"error: {service.ErrorCode}{Details(service)}: {Messages.Of(service)}");
                if (service.RunId is { } runId)
                {
                    error.WriteLine($"Run {runId} goes on; wait for it with: helodata-reports runs wait {runId}");
                }

                return ExitCodes.ServiceError;

            case CollectStoppedException stopped:
                error.WriteLine($"error: collect stopped: {Messages.Of(stopped.InnerException!)}");
                return ExitCodes.Unexpected;

            case ArgumentException refused:
                // The SDK's own checks, made before sending: the message names the parameter.
                error.WriteLine($"error: refused before sending: {Messages.Of(refused)}");
                return ExitCodes.Usage;

            default:
                error.WriteLine($"error: unexpected {exception.GetType().Name}: {Messages.Of(exception)}");
                return ExitCodes.Unexpected;
        }
    }

    private static void ReportDownload(TextWriter error, DownloadFailedException download)
    {
        var failure = download.Failure;
        var again = $"helodata-reports runs download {download.RunId} -o {download.Path}";
        if (NeverConnected(failure) is { } refused)
        {
            // The download host's address comes from the run's signed URL, not from HELODATA_BASE_URL.
            error.WriteLine($"error: {failure.ErrorCode}: the download host could not be reached: {refused.Message}. Nothing was sent.");
            error.WriteLine($"Run {download.RunId} is complete; try again with: {again}");
            return;
        }

        error.WriteLine($"error: {failure.ErrorCode}{Details(failure)}: {Messages.Of(failure)}");
        if (failure.ErrorCode != ReportsErrorCode.NoDownloadUrl)
        {
            error.WriteLine($"Run {download.RunId} is complete; download it again with: {again}");
        }
    }

    /// <summary>
    /// The connection failure behind <paramref name="exception"/> when no connection was ever made (refused,
    /// no such host, no TLS session), so the request cannot have been sent; <see langword="null"/> otherwise.
    /// </summary>
    private static HttpRequestException? NeverConnected(ReportsException exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
                } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Details(ReportsException e)
    {
        var parts = new List<string>(3);
        if (e.Status != 0)
        {
            parts.Add($"HTTP {e.Status}");
        }

        if (e.RequestId is { } requestId)
        {
            parts.Add($"request id {requestId}");
        }

        if (e.RetryAfter is { } retryAfter)
        {
            parts.Add($"retry after {Formats.Duration(retryAfter)}");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }
}
