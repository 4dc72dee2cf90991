using System.Globalization;
using HeloData.Reports.AspNetCore;
using HeloData.Reports.Models;

namespace HeloData.Reports.WebhookReceiver;

/// <summary>Where each delivered artifact goes: <c>{runId}.{extension}</c> in one folder.</summary>
internal sealed class DeliveryFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Saves the artifact (atomically: a file of that name is whole or absent) and returns the line that says so.</summary>
    public async Task<StoredDelivery> StoreAsync(ReportDelivery delivery, CancellationToken cancellationToken)
    {
        var file = System.IO.Path.Combine(Path, FileName(delivery.RunId, delivery.Format));
        await delivery.SaveToAsync(file, cancellationToken);
        return new StoredDelivery(delivery.RunId, delivery.Length, file);
    }

    /// <summary>
    /// Deletes the temporary copies a killed receiver left here: <see cref="ReportDelivery.SaveToAsync"/> writes
    /// <c>.hd-{random}.partial</c> beside its target and renames it into place, so a kill -9 mid-copy leaves
    /// one. Called at start-up by <see cref="LeftoverSweep"/>, once the store's instance lock proves no other
    /// receiver (of this machine's instance name) uses the folder, and before the first delivery; only files of
    /// that name are touched.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public int SweepLeftovers()
    {
        var swept = 0;
        foreach (var partial in Directory.EnumerateFiles(Path, ".hd-*.partial"))
        {
            File.Delete(partial);
            swept++;
        }

        return swept;
    }

    internal static string FileName(string runId, ReportFormat? format)
    {
        // The run id is signed, but it still becomes a file name: anything that could leave the folder
        // (a separator, "..") is refused, and the 500 leaves the run for a fixed receiver to take.
        if (runId.Length == 0 || runId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-'))
        {
            throw new InvalidOperationException($"Run id of {runId.Length} characters is not a plain name; not storing it.");
        }

        // A format the SDK does not know has no known extension (and its wire value is never put in a name).
        return runId + (format?.FileExtension ?? ".bin");
    }
}

/// <summary>One artifact on disk.</summary>
internal sealed record StoredDelivery(string RunId, long Bytes, string Path)
{
    // The one line per delivery that the sample promises (and its test reads): plain digits, no grouping.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"stored {RunId} ({Bytes} bytes) → {Path}");
}
