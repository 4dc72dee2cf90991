using System.Runtime.CompilerServices;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// A pushed artifact whose signature was verified, held in a temporary file for as long as the
/// handler runs (deleted after it returns, whatever happens). Read it with <see cref="OpenRead"/>,
/// <see cref="SaveToAsync"/> or <see cref="ReadRowsAsync{TRow}"/>, as often as needed.
/// </summary>
/// <remarks>
/// Signed, so trustworthy: <see cref="RunId"/>, <see cref="SignedAt"/> and the bytes. Everything else
/// came in headers nobody signed: <see cref="ContentType"/> and <see cref="Unverified"/>.
/// </remarks>
public sealed class ReportDelivery
{
    private readonly string _path;

    internal ReportDelivery(VerifiedReportWebhook verified, string path, string? contentType, UnverifiedDeliveryHeaders unverified, IServiceProvider services)
    {
        _path = path;
        RunId = verified.RunId;
        SignedAt = verified.SignedAt;
        Length = verified.Length;
        ContentType = contentType;
        Unverified = unverified;
        Services = services;
        Format = ReportFormat.FromContentType(contentType)
            ?? (unverified.Format is { Length: > 0 } format ? new ReportFormat(format) : (ReportFormat?)null);
    }

    /// <summary>The run whose artifact this is (signed: <c>webhook-id</c>). The same on every redelivery.</summary>
    public string RunId { get; }

    /// <summary>When the service signed this attempt (signed: <c>webhook-timestamp</c>).</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>The artifact's length in bytes, as received and verified.</summary>
    public long Length { get; }

    /// <summary>The request's <c>Content-Type</c> (not signed).</summary>
    public string? ContentType { get; }

    /// <summary>
    /// The artifact's format, from <see cref="ContentType"/>, else from the <c>helodata-format</c> header (neither is
    /// signed; a wrong one makes <see cref="ReadRowsAsync{TRow}"/> fail with a typed error, nothing worse);
    /// <see langword="null"/> when neither says.
    /// </summary>
    public ReportFormat? Format { get; }

    /// <summary>The informational headers, which the signature does not cover.</summary>
    public UnverifiedDeliveryHeaders Unverified { get; }

    /// <summary>
    /// Which time the handler is called for this run: 1 the first time; more after a handler threw, the app
    /// stopped while it ran, or a receiver died holding the run.
    /// </summary>
    public int Attempt { get; internal set; } = 1;

    /// <summary>
    /// <see langword="true"/> when an earlier call of the handler for this run may have finished: its receiver
    /// died (or stopped renewing its claim) after the handler started and before the run was recorded as handled.
    /// The handler runs once per run except in that case; a handler with side effects that must not happen twice
    /// checks by <see cref="RunId"/> when this is set (a file already in place, a row already inserted).
    /// </summary>
    public bool MayHaveBeenHandled { get; internal set; }

    /// <summary>The request's services, for a handler that needs a scoped one.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Opens the verified artifact for reading, from its first byte; dispose the stream when done.</summary>
    /// <returns>A read-only, seekable stream of the artifact.</returns>
    public Stream OpenRead() =>
        new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);

    /// <summary>
    /// Copies the artifact to <paramref name="path"/> without harming what is there. A file (or no
    /// file) is written atomically: the bytes go to a temporary file beside it, moved into place once
    /// whole and on disk, so the name holds the old file or the whole artifact, never a part (a
    /// replaced file keeps its permissions; a new one gets 0600 on Unix). A symlink is followed and
    /// the file it leads to is replaced the same way; the link stays. A character device, FIFO or
    /// socket is written into in place and never replaced (a FIFO's open waits for a reader).
    /// </summary>
    /// <param name="path">Where to store the artifact; its folder must exist and take a new file.</param>
    /// <param name="cancellationToken">Stops the copy; a file at <paramref name="path"/> is left as it was.</param>
    /// <returns>A task that completes once the file is flushed and in place.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, names a directory or a block device, or its folder does not exist or cannot be written (checked before anything is written).</exception>
    public Task SaveToAsync(string path, CancellationToken cancellationToken = default) =>
        FileTarget.Inspect(path, nameof(path)).WriteAsync(
            async (target, ct) =>
            {
                var source = OpenRead();
                await using (source.ConfigureAwait(false))
                {
                    await source.CopyToAsync(target, ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    /// <summary>Reads the artifact as typed rows (see <see cref="ReportRows"/>).</summary>
    /// <typeparam name="TRow">The row type of the report (<see cref="TrafficRow"/>, …), or <see cref="ReportRow"/> for any.</typeparam>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Format"/> is <see langword="null"/>: neither header says what the artifact is.</exception>
    public IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(CancellationToken cancellationToken = default)
        where TRow : ReportRow
    {
        var format = Format ?? throw new InvalidOperationException(
            $"Delivery {RunId} has no Content-Type or helodata-format header naming its format; read it with OpenRead and ReportRows.ReadAsync with the report's format.");
        return Read(format, cancellationToken);

        // The file is opened when the enumeration starts, so an enumerable never enumerated holds nothing open.
        async IAsyncEnumerable<TRow> Read(ReportFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var row in ReportRows.ReadAsync<TRow>(OpenRead(), format, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads the artifact as rows of any report type: each value by column name, as text.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Format"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<ReportRow> ReadRowsAsync(CancellationToken cancellationToken = default) => ReadRowsAsync<ReportRow>(cancellationToken);

    /// <inheritdoc />
    public override string ToString() =>
        $"{RunId} ({Length} bytes, {ContentType ?? "no content type"}{(Attempt > 1 ? $", attempt {Attempt}" : string.Empty)}{(MayHaveBeenHandled ? ", may have been handled" : string.Empty)})";
}
