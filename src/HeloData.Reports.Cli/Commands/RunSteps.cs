using System.Text.RegularExpressions;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli.Commands;

/// <summary>Waiting for a run and downloading its artifact: shared by <c>reports run</c> and <c>runs</c>.</summary>
internal static partial class RunSteps
{
    /// <summary>Reads a run by id; a <c>not_found</c> says the run was not found (<see cref="RunNotFoundException"/>).</summary>
    public static async Task<ReportRun> ReadAsync(IReportsClient client, string runId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetRunAsync(runId, cancellationToken);
        }
        catch (ReportsException e) when (e.ErrorCode == ReportsErrorCode.NotFound)
        {
            throw new RunNotFoundException(runId, e);
        }
    }

    public static async Task<ReportRun> WaitAsync(IReportsClient client, CliContext context, string runId, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        await using var progress = new WaitProgress(context, runId);
        var options = new WaitForCompletionOptions
        {
            // The run may well be over already (runs wait on an old id, an instant run): look at once.
            InitialDelay = TimeSpan.Zero,
            Progress = progress,
        };
        if (timeout is { } maxWait)
        {
            options.MaxWait = maxWait;
        }

        try
        {
            return await client.WaitForCompletionAsync(runId, options, cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e is not ReportRunWaitCanceledException)
        {
            // Carries the run id to the message, so the user can resume instead of starting another run.
            throw new ReportRunWaitCanceledException(runId, e, cancellationToken);
        }
        catch (ReportsException e) when (e.ErrorCode == ReportsErrorCode.NotFound)
        {
            // Gone during the wait (or never there): nothing to resume.
            throw new RunNotFoundException(runId, e);
        }
    }

    public static async Task<DownloadResult> DownloadAsync(IReportsClient client, CliContext context, ReportRun run, string path, CancellationToken cancellationToken)
    {
        DownloadResult result;
        using (var bar = new DownloadProgressBar(context))
        {
            try
            {
                result = await client.DownloadToFileAsync(run, path, new DownloadOptions { Progress = bar }, cancellationToken);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                var left = WrittenInPlace(path) ? $"The artifact written into {path} is incomplete" : $"No file was left at {path}";
                throw new InterruptedException($"{left}; download it again with: helodata-reports runs download {run.RunId} -o {path}", e);
            }
            catch (ReportsException e) when (e.ErrorCode != ReportsErrorCode.RunNotCompleted)
            {
                // The download host's failure, not the run's: Failures says so, and how to try again.
                throw new DownloadFailedException(run.RunId, path, e);
            }
        }

        context.Error.WriteLine($"Downloaded {Formats.Count(result.Bytes)} bytes to {path}");
        return result;
    }

    /// <summary>
    /// Checks a download target before anything is sent, so a typo in a path or a folder that takes no
    /// file cannot cost a run: an existing folder (the file goes inside) that takes a new file, or a
    /// path the SDK's download accepts (a file whose folder exists and takes a new file, a symlink to
    /// one, a character device, a FIFO, a socket).
    /// </summary>
    public static void CheckTarget(string? path, string option)
    {
        try
        {
            if (path is null || Directory.Exists(path))
            {
                AtomicFile.CheckWritable(Path.GetFullPath(path ?? "."), paramName: null);
                return;
            }

            if (path.Length == 0 || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
            {
                throw new UsageException($"{option}: the folder '{path}' does not exist.");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UsageException($"{option}: the folder '{folder}' does not exist.");
            }

            FileTarget.Inspect(path, paramName: null);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }

    /// <summary>
    /// Whether the path is a character device, FIFO or socket, or an open descriptor (<c>/dev/stdout</c>
    /// redirected to a file), which the download writes in place: no file to print the path of, and
    /// maybe the tool's own stdout (<c>-o /dev/stdout</c>).
    /// </summary>
    public static bool WrittenInPlace(string path) => FileTarget.WritesInPlace(path);

    /// <summary>Where a run's artifact goes: the path given, or inside the folder given, under the URL's own file name.</summary>
    public static string TargetPath(string? path, ReportRun run)
    {
        if (path is not null && !Directory.Exists(path))
        {
            return path;
        }

        return Path.Combine(path ?? ".", DefaultFileName(run));
    }

    // The signed URL's last segment names the file with its extension (run_X.csv.gz); anything odd in
    // it (a separator, '..') falls back to the run id, so the service cannot choose where a file lands.
    private static string DefaultFileName(ReportRun run)
    {
        var segment = run.DownloadUrl is { IsAbsoluteUri: true } url ? Uri.UnescapeDataString(url.Segments[^1]) : string.Empty;
        return SafeFileName().IsMatch(segment) ? segment : SafeFileName().IsMatch(run.RunId) ? run.RunId : "artifact";
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}\z")]
    private static partial Regex SafeFileName();
}
