using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>Turns what a command threw into one message on stderr and its exit code.</summary>
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

            case ReportsException service:
                error.WriteLine($"error: {service.ErrorCode}{Details(service)}: {service.Message}");
                if (service.RunId is { } runId)
                {
                    error.WriteLine($"Run {runId} goes on; wait for it with: helodata-reports runs wait {runId}");
                }

                return ExitCodes.ServiceError;

            case ArgumentException refused:
                // The SDK's own checks, made before sending: the message names the parameter.
                error.WriteLine($"error: refused before sending: {refused.Message}");
                return ExitCodes.Usage;

            default:
                error.WriteLine($"error: unexpected {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Unexpected;
        }
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
