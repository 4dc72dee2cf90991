using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// The temporary copy of a parquet artifact read from a stream that cannot seek: a 0600 file in a 0700
/// folder of its own, and both gone however the read ends (completed, failed, canceled, left early).
/// </summary>
public sealed class ParquetSpoolTests
{
    private const UnixFileMode UserOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode UserOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("helodata-spool-test-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task The_copy_is_a_file_only_its_user_can_read_in_a_folder_of_its_own_and_both_are_gone_after()
    {
        var seen = new List<string[]>();
        var modes = new List<(UnixFileMode File, UnixFileMode Folder)>();

        await foreach (var row in Read(new NetworkLikeStream(TestArtifact.Traffic.Parquet(rowGroupSize: 2)), default))
        {
            var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
            seen.Add(files);
            if (!OperatingSystem.IsWindows())
            {
                modes.Add((File.GetUnixFileMode(files[0]), File.GetUnixFileMode(Path.GetDirectoryName(files[0])!)));
            }

            Assert.That(row.RowNumber, Is.EqualTo(seen.Count), "row numbers run on across row groups");
        }

        Assert.That(seen, Has.Count.EqualTo(3));
        var folder = Path.GetDirectoryName(seen[0].Single())!;
        Assert.That(Path.GetDirectoryName(folder), Is.EqualTo(_root), "a folder of its own, not the shared one");
        Assert.That(modes, Is.All.EqualTo((UserOnlyFile, UserOnlyFolder)).Or.Empty);

        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty, "the file and its folder are gone");
    }

    [Test]
    public void The_default_copy_goes_to_a_private_folder_made_in_the_system_temp_folder()
    {
        string folder;
        var spool = SpoolFile.Create(null, ".parquet");
        try
        {
            folder = Path.GetDirectoryName(spool.Stream.Name)!;
            Assert.That(Path.GetDirectoryName(folder) + Path.DirectorySeparatorChar, Is.EqualTo(Path.GetTempPath()));
            Assert.That(Path.GetFileName(folder), Does.StartWith("helodata-rows-"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(spool.Stream.Name), Is.EqualTo(UserOnlyFile));
                Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(UserOnlyFolder));
            }
        }
        finally
        {
            spool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Assert.That(Directory.Exists(folder), Is.False);
    }

    [Test]
    public async Task Canceling_a_read_deletes_the_copy()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;

        var error = await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (var _ in Read(new NetworkLikeStream(TestArtifact.Traffic.Parquet()), cancel.Token))
            {
                read++;
                Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
                await cancel.CancelAsync();
            }
        });

        Assert.That(error, Is.Not.Null);
        Assert.That(read, Is.EqualTo(1));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public async Task A_read_left_early_deletes_the_copy()
    {
        await foreach (var _ in Read(new NetworkLikeStream(TestArtifact.Traffic.Parquet()), default))
        {
            break;
        }

        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public async Task A_file_that_fails_mid_read_deletes_the_copy()
    {
        var bytes = TestArtifact.Traffic.Parquet();

        await Assert.ThrowsAsync<ReportRowFormatException>(async () =>
        {
            await foreach (var _ in Read(new NetworkLikeStream(bytes[..^40]), default))
            {
            }
        });

        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public async Task A_stream_that_fails_while_it_is_copied_leaves_nothing()
    {
        var bytes = TestArtifact.Traffic.Repeated(1000).Parquet();

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in Read(new FailingStream(new NetworkLikeStream(bytes), failAfter: bytes.Length / 2), default))
            {
            }
        });

        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    private IAsyncEnumerable<TrafficRow> Read(Stream stream, CancellationToken cancellationToken) =>
        RowReading.ReadAsync<TrafficRow>(stream, false, _ => ReportFormat.Parquet, _root, cancellationToken);

    /// <summary>A connection that drops after some bytes.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= failAfter)
            {
                throw new IOException("connection reset");
            }

            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
