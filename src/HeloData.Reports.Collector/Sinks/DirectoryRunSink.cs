using System.Globalization;

namespace HeloData.Reports.Collector;

/// <summary>
/// The directory sink (<c>WriteToDirectory</c>): each run's content as <c>{folder}/{report}/{from}_{to}_{run}{extension}</c>,
/// written as the core writes a user-named file (<see cref="FileTarget"/>): whole or not at all (a 0600 temporary
/// file beside it, flushed to disk, renamed over the name), a replaced file keeps its mode, a symlink at the name is
/// followed and stays a link, a device, FIFO or socket is written in place, a directory there is refused.
/// </summary>
/// <remarks>
/// Report and run ids come from the service and are opaque: each must be one plain file name
/// (<see cref="SinkNames"/>), so no id can lead a file out of the folder.
/// </remarks>
internal sealed class DirectoryRunSink(string folder) : IRunHandler
{
    /// <summary>The folder, made full.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Where a run's content goes.</summary>
    /// <exception cref="ReportsException">An id cannot be part of a file name (<see cref="Models.ReportsErrorCode.InvalidResponse"/>).</exception>
    public string PathOf(CollectedRun run)
    {
        var reportFolder = SinkNames.Check(run.ReportId, "report id", run.RunId);
        var file = string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Window.From:yyyy-MM-dd}_{run.Window.To:yyyy-MM-dd}_{SinkNames.Check(run.RunId, "run id", run.RunId)}{run.Format.FileExtension ?? ".bin"}");
        var path = Path.GetFullPath(Path.Combine(Folder, reportFolder, file));

        // Belt and braces: each name was checked alone; the whole must still be two levels below the folder.
        if (Path.GetDirectoryName(Path.GetDirectoryName(path)) != Path.TrimEndingDirectorySeparator(Folder))
        {
            throw SinkNames.Refused(run.ReportId, "report id", run.RunId, "it leads out of the sink's folder");
        }

        return path;
    }

    public async Task HandleAsync(CollectedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = PathOf(run);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var target = FileTarget.Inspect(path, paramName: null);
        await target.WriteAsync(
            async (destination, ct) =>
            {
                var source = run.OpenRead();
                await using (source.ConfigureAwait(false))
                {
                    await source.CopyToAsync(destination, ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"directory sink {Folder}";
}
