using System.Runtime.CompilerServices;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.Collector;

/// <summary>
/// A run handed to an <see cref="IRunHandler"/>: which run it is, its content (decompressed, in a private
/// temporary file for as long as the handlers run), and how often it was offered before.
/// Read the content with <see cref="OpenRead"/> or <see cref="ReadRowsAsync{TRow}"/>, as often as needed.
/// </summary>
public sealed class CollectedRun
{
    private readonly string _contentPath;

    internal CollectedRun(
        RunRecord run,
        ReportType reportType,
        ReportFormat format,
        DateTimeOffset? completedAt,
        string contentPath,
        long length,
        RunOrigin origin,
        int attempt,
        bool mayHaveBeenHandled)
    {
        Record = run;
        ReportType = reportType;
        Format = format;
        CompletedAt = completedAt;
        _contentPath = contentPath;
        Length = length;
        Origin = origin;
        Attempt = attempt;
        MayHaveBeenHandled = mayHaveBeenHandled;
    }

    /// <summary>The run's id (<c>run_…</c>).</summary>
    public string RunId => Record.RunId;

    /// <summary>The report the run belongs to (<c>rep_…</c>).</summary>
    public string ReportId => Record.ReportId;

    /// <summary>The report's type: which rows the content holds.</summary>
    public ReportType ReportType { get; }

    /// <summary>The content's format.</summary>
    public ReportFormat Format { get; }

    /// <summary>The window the run covers, both ends inclusive (UTC dates).</summary>
    public RunWindow Window => new() { From = Record.From, To = Record.To };

    /// <summary>When the service completed the run, when it said.</summary>
    public DateTimeOffset? CompletedAt { get; }

    /// <summary>The content's length in bytes (decompressed).</summary>
    public long Length { get; }

    /// <summary>Which door the run came in by.</summary>
    public RunOrigin Origin { get; }

    /// <summary>Which time the run is offered: 1 the first time; more after a handler threw, the host stopped, or an instance died holding it.</summary>
    public int Attempt { get; }

    /// <summary>
    /// <see langword="true"/> when this handler may already have finished with this run: an instance died (or
    /// froze past its lease) while holding it, after the handler started and before its return was recorded.
    /// A handler whose effect must not happen twice checks by <see cref="RunId"/> when this is set.
    /// </summary>
    public bool MayHaveBeenHandled { get; }

    /// <summary>The run as the state store records it.</summary>
    internal RunRecord Record { get; }

    /// <summary>Opens the run's content (decompressed) from its first byte; dispose the stream when done.</summary>
    /// <returns>A read-only stream over the content.</returns>
    public Stream OpenRead() =>
        new FileStream(_contentPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Reads the content as typed rows of the report's type (see <see cref="ReportRows"/>).</summary>
    /// <typeparam name="TRow">The row type of the report (<see cref="TrafficRow"/>, …), or <see cref="ReportRow"/> for any.</typeparam>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows, read as the enumeration goes; the file is opened when the enumeration starts.</returns>
    public async IAsyncEnumerable<TRow> ReadRowsAsync<TRow>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRow : ReportRow
    {
        await foreach (var row in ReportRows.ReadAsync<TRow>(OpenRead(), Format, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{RunId} of {ReportId} ({ReportType}, {Format}, {Record.From:yyyy-MM-dd}..{Record.To:yyyy-MM-dd}, {Origin}{(Attempt > 1 ? $", attempt {Attempt}" : string.Empty)}{(MayHaveBeenHandled ? ", may have been handled" : string.Empty)})";
}
