using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>
/// Brings a run's content into a private spool file, decompressed, streamed in constant memory: a pulled run through
/// the client's <c>OpenReadAsync</c> (a fresh URL, gzip taken off and checked), a pushed one from the delivery's file
/// through the same gzip detection. The spool file is deleted again if this fails.
/// </summary>
internal sealed class RunContent(IReportsClient client, CollectorSpool spool)
{
    /// <summary>Spools the run's content.</summary>
    /// <param name="run">A completed run.</param>
    /// <param name="artifactPath">The artifact already on disk (a verified webhook delivery), read and left as it is; <see langword="null"/> to download it.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The spool file and its length.</returns>
    /// <exception cref="ReportsException">The download failed, or the content is damaged gzip.</exception>
    public async Task<(string Path, long Length)> SpoolAsync(ReportRun run, string? artifactPath, CancellationToken cancellationToken)
    {
        var file = spool.Create();
        try
        {
            await using (file.ConfigureAwait(false))
            {
                var source = artifactPath is null
                    ? await client.OpenReadAsync(run, cancellationToken).ConfigureAwait(false)
                    : await OpenDeliveryAsync(artifactPath, run.RunId, cancellationToken).ConfigureAwait(false);
                await using (source.ConfigureAwait(false))
                {
                    await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            spool.Delete(file.Name);
            throw Damaged(run.RunId, exception);
        }
        catch
        {
            spool.Delete(file.Name);
            throw;
        }

        return (file.Name, new FileInfo(file.Name).Length);
    }

    private static async Task<Stream> OpenDeliveryAsync(string artifactPath, string runId, CancellationToken cancellationToken)
    {
        var delivery = new FileStream(artifactPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return await GzipLayers.OpenAsync(delivery, leaveOpen: false, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(runId, exception);
        }
    }

    private static ReportsException Damaged(string runId, InvalidDataException exception) =>
        new($"The artifact of {runId} is damaged: {exception.Message}", ReportsErrorCode.InvalidResponse, runId: runId, innerException: exception);
}
