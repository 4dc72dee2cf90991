using System.Text;

namespace HeloData.Reports.Cli;

/// <summary>
/// Standard output or error as the tool writes them: once the other end is gone, further writes are
/// dropped and the command goes on to its own exit code, as .NET already does for a pipe whose reader
/// ended (<c>| head -1</c>: <c>EPIPE</c> is ignored by the console stream). The other ways a stream can
/// be gone: a descriptor closed before the tool started (<c>&gt;&amp;-</c>; the runtime may reuse the
/// number for a file of its own, and a write fails with <c>EBADF</c>, which .NET raises as an
/// <see cref="UnauthorizedAccessException"/>), and <c>EPIPE</c> raised as an <see cref="IOException"/>
/// by a stream that does not ignore it. Any other failure (a full disk)
/// is the machine's, and is thrown.
/// </summary>
/// <param name="inner">The console's writer.</param>
internal sealed class StandardStreamWriter(TextWriter inner) : TextWriter
{
    // EPIPE, the same number on Linux and macOS; .NET gives an errno as the IOException's HResult there.
    private const int BrokenPipe = 32;

    private bool _gone;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc />
    public override void WriteLine() => Guard(inner.WriteLine);

    /// <inheritdoc />
    public override void Flush() => Guard(inner.Flush);

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="exception"/>, thrown by a write, says the stream's other end is gone.</summary>
    internal static bool MeansGone(Exception exception) => exception switch
    {
        UnauthorizedAccessException => true,
        IOException { HResult: BrokenPipe } => true,
        _ => false,
    };

    private void Guard(Action write)
    {
        if (_gone)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (MeansGone(e))
        {
            _gone = true;
        }
    }
}
