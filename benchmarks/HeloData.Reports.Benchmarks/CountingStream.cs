namespace HeloData.Reports.Benchmarks;

/// <summary>A write-only sink that counts bytes, so the benchmark measures the download, not a disk.</summary>
internal sealed class CountingStream : ForwardOnlyStream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position => Written;

    public override void Write(byte[] buffer, int offset, int count) => Written += count;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
