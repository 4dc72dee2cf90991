using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// <c>DownloadToFileAsync</c> into what a user may name: a file it replaces atomically, a symlink it
/// follows, a device, FIFO or socket it writes in place and never replaces, and paths it refuses before
/// any request. Every special file is made in the test's own temp folder.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DownloadTargetTests
{
    private static readonly byte[] Artifact = RandomNumberGenerator.GetBytes(300_000);

    private ClientHarness _api = null!;
    private RawArtifactServer _host = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new ClientHarness(o => o.MaxRetryAttempts = 0);
        _host = new RawArtifactServer(Artifact);
        _folder = Directory.CreateTempSubdirectory("helodata-target-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_chain_of_symlinks_stays_and_the_file_it_ends_at_is_replaced_in_its_own_folder()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var file = Path.Combine(elsewhere, "traffic.csv");
        await File.WriteAllTextAsync(file, "old");
        var middle = File.CreateSymbolicLink(Path.Combine(_folder, "middle.csv"), "elsewhere/traffic.csv").FullName;
        var named = File.CreateSymbolicLink(Path.Combine(_folder, "named.csv"), middle).FullName;

        var result = await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), named);

        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(SpecialFiles.TypeOf(named), Is.EqualTo("symbolic link"));
        Assert.That(new FileInfo(named).LinkTarget, Is.EqualTo(middle));
        Assert.That(new FileInfo(middle).LinkTarget, Is.EqualTo("elsewhere/traffic.csv"));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(Artifact));
        Assert.That(Directory.GetFiles(elsewhere), Is.EqualTo(new[] { file }), "no temporary file left beside the file");
        Assert.That(Directory.GetFiles(_folder).Order(), Is.EqualTo(new[] { middle, named }), "nor beside the links");
    }

    [Test]
    public async Task A_symlink_to_a_file_not_there_yet_creates_that_file_and_keeps_the_link()
    {
        var file = Path.Combine(_folder, "real.csv");
        var link = File.CreateSymbolicLink(Path.Combine(_folder, "link.csv"), file).FullName;

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), link);

        Assert.That(SpecialFiles.TypeOf(link), Is.EqualTo("symbolic link"));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(Artifact));
    }

    [Test]
    public void A_symlink_loop_is_refused_before_any_request_and_stays()
    {
        var a = Path.Combine(_folder, "a.csv");
        var b = Path.Combine(_folder, "b.csv");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        var error = Assert.Throws<ArgumentException>(() => _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), a));

        Assert.That(error!.ParamName, Is.EqualTo("path"));
        Assert.That(error.Message, Does.Contain(a));
        Assert.That(_host.Requests, Is.Zero);
        Assert.That(SpecialFiles.TypeOf(a), Is.EqualTo("symbolic link"));
    }

    [Test]
    public async Task A_relative_link_in_a_linked_folder_is_followed_as_the_kernel_follows_it()
    {
        // a -> real/b/c, and a/out.csv -> ../shared/out.csv: the kernel reaches real/b/shared/out.csv;
        // joining and collapsing ".." as text reaches shared/out.csv beside a, an unrelated file.
        var deep = Directory.CreateDirectory(Path.Combine(_folder, "real", "b", "c")).FullName;
        var shared = Directory.CreateDirectory(Path.Combine(_folder, "real", "b", "shared")).FullName;
        var decoy = Directory.CreateDirectory(Path.Combine(_folder, "shared")).FullName;
        await File.WriteAllTextAsync(Path.Combine(decoy, "out.csv"), "unrelated");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "a"), "real/b/c");
        var link = File.CreateSymbolicLink(Path.Combine(deep, "out.csv"), "../shared/out.csv").FullName;
        var named = Path.Combine(_folder, "a", "out.csv");
        var file = Path.Combine(shared, "out.csv");
        Assert.That(SpecialFiles.KernelPathOf(named), Is.EqualTo(file), "the premise: where the kernel goes");

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), named);

        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(Artifact));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(decoy, "out.csv")), Is.EqualTo("unrelated"));
        Assert.That(SpecialFiles.TypeOf(link), Is.EqualTo("symbolic link"));
        Assert.That(Directory.GetFiles(shared), Is.EqualTo(new[] { file }), "no temporary file");
    }

    [Test]
    public async Task A_file_reached_through_an_open_descriptor_is_added_to_in_place_never_replaced()
    {
        // As `-o /dev/stdout >> all.csv`: /dev/stdout leads through /proc/self/fd/1 to a regular file the
        // shell holds open. Here the descriptor is this test's own, so /dev is never touched.
        var file = Path.Combine(_folder, "all.csv");
        await File.WriteAllTextAsync(file, "earlier\n");
        var inode = SpecialFiles.InodeOf(file);
        using (var open = new FileStream(file, FileMode.Append, FileAccess.Write))
        {
            var link = $"/proc/self/fd/{open.SafeFileHandle.DangerousGetHandle()}";

            var result = await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), link);

            Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        }

        Assert.That(SpecialFiles.InodeOf(file), Is.EqualTo(inode), "the same file, not a new one renamed over it");
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo("earlier\n"u8.ToArray().Concat(Artifact)));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { file }), "no temporary file");
    }

    [Test]
    public void A_folder_on_the_way_that_cannot_be_searched_is_named_as_such_before_any_request()
    {
        // locked/ exists but cannot be searched: what is below it is out of reach, not missing.
        var locked = Directory.CreateDirectory(Path.Combine(_folder, "locked", "reports")).Parent!.FullName;
        var target = Path.Combine(locked, "reports", "traffic.csv");
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        SpecialFiles.AsAnotherUser(() =>
        {
            var error = Assert.Throws<ArgumentException>(() => _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), target));

            Assert.That(error!.ParamName, Is.EqualTo("path"));
            Assert.That(error.Message, Does.Contain(target).And.Contain("ermission denied").And.Not.Contain("does not exist"));
        });

        Assert.That(_host.Requests, Is.Zero);
        Assert.That(_api.RequestCount, Is.Zero);
    }

    [Test]
    public async Task A_fifo_gets_every_byte_in_place_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "traffic.csv"));
        var reader = SpecialFiles.ReadFifoAsync(fifo);

        var result = await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), fifo);

        Assert.That(SpecialFiles.TypeOf(fifo), Is.EqualTo("fifo"));
        Assert.That(await reader.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(Artifact), "the reader got the whole artifact");
        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { fifo }), "no temporary file");
    }

    [Test]
    public async Task A_fifo_with_no_reader_is_waited_on_until_the_caller_cancels_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "traffic.csv"));
        using var cancellation = new CancellationTokenSource();
        var waiting = SpecialFiles.ThreadsWaitingToOpenAFifo();

        var download = _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), fifo, cancellationToken: cancellation.Token);
        await Eventually.That(() => SpecialFiles.ThreadsWaitingToOpenAFifo() > waiting);
        Assert.That(_host.Requests, Is.EqualTo(1), "the FIFO is opened once the host has answered");
        Assert.That(download.IsCompleted, Is.False);
        cancellation.Cancel();

        Assert.That(async () => await download, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(SpecialFiles.TypeOf(fifo), Is.EqualTo("fifo"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { fifo }));

        // Releases the open the cancellation abandoned (which the SDK then closes): on Linux a read-write
        // open of a FIFO never waits, and it is the reader that open was waiting for.
        using (new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite))
        {
        }
    }

    [Test]
    public async Task A_cancelled_download_into_a_fifo_nobody_reads_leaves_no_thread_waiting_to_open_it()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "traffic.csv"));
        using var cancellation = new CancellationTokenSource();
        var waiting = SpecialFiles.ThreadsWaitingToOpenAFifo();
        try
        {
            var download = _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), fifo, cancellationToken: cancellation.Token);
            await Eventually.That(() => SpecialFiles.ThreadsWaitingToOpenAFifo() > waiting);
            cancellation.Cancel();

            Assert.That(async () => await download, Throws.InstanceOf<OperationCanceledException>());
            await Eventually.That(() => SpecialFiles.ThreadsWaitingToOpenAFifo() == waiting);
            Assert.That(SpecialFiles.TypeOf(fifo), Is.EqualTo("fifo"));
            Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { fifo }));
        }
        finally
        {
            // Should the assertion fail, the thread is released all the same (a read-write open of a
            // FIFO never waits on Linux), so no later test runs with one thread fewer.
            using (new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite))
            {
            }
        }
    }

    [Test]
    public async Task A_proc_fd_link_to_a_pipe_as_dev_stdout_is_in_a_shell_pipeline_gets_every_byte()
    {
        // /dev/stdout | … leads through /proc/self/fd/1 to "pipe:[N]", which no path walk can follow;
        // here the pipe is this test's own, so /dev is never touched.
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var reading = Task.Run(async () =>
        {
            using var bytes = new MemoryStream();
            await pipe.CopyToAsync(bytes);
            return bytes.ToArray();
        });
        var writeEnd = pipe.ClientSafePipeHandle;
        var link = $"/proc/self/fd/{writeEnd.DangerousGetHandle()}";

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), link);
        pipe.DisposeLocalCopyOfClientHandle();

        Assert.That(await reading.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(Artifact));
    }

    [Test]
    public async Task A_character_device_is_written_in_place_and_stays_a_device()
    {
        var device = SpecialFiles.MakeNullDevice(Path.Combine(_folder, "null"));

        var result = await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), device);

        Assert.That(result.Bytes, Is.EqualTo(Artifact.Length));
        Assert.That(SpecialFiles.TypeOf(device), Is.EqualTo("character special file"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { device }), "no temporary file");
    }

    [Test]
    public async Task A_device_that_refuses_a_write_fails_the_download_and_stays_a_device()
    {
        var device = SpecialFiles.MakeFullDevice(Path.Combine(_folder, "full"));

        Assert.That(async () => await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), device), Throws.InstanceOf<IOException>());

        Assert.That(SpecialFiles.TypeOf(device), Is.EqualTo("character special file"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { device }));
    }

    [Test]
    public async Task A_download_into_a_device_is_not_restarted_once_bytes_went_in()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.MaxRetryAttempts = 0, time);
        using var truncating = new RawArtifactServer(new byte[1_000_000], cutAfter: 10_000);
        var device = SpecialFiles.MakeNullDevice(Path.Combine(_folder, "null"));

        var error = await FakeClock.DriveAsync(time, Fails.With(() => api.Client.DownloadToFileAsync(CompletedRun(truncating.Url), device)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
        Assert.That(truncating.Requests, Is.EqualTo(1), "a restart would write the first bytes twice");
        Assert.That(SpecialFiles.TypeOf(device), Is.EqualTo("character special file"));
    }

    [Test]
    public async Task A_socket_gets_the_artifact_over_one_connection_and_stays_a_socket()
    {
        var path = Path.Combine(_folder, "traffic.sock");
        using var listener = SpecialFiles.Listen(path);
        var received = SpecialFiles.ReceiveAllAsync(listener);

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), path);

        Assert.That(await received.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(Artifact));
        Assert.That(SpecialFiles.TypeOf(path), Is.EqualTo("socket"));
    }

    [Test]
    public async Task A_name_at_the_longest_the_file_system_allows_still_downloads()
    {
        var target = Path.Combine(_folder, new string('n', 251) + ".csv");

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), target);

        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(Artifact));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }));
    }

    [Test]
    public void A_folder_that_takes_no_new_file_is_refused_before_any_request()
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(_folder, "ro")).FullName;
        var target = Path.Combine(readOnly, "traffic.csv");
        using (SpecialFiles.MakeReadOnly(readOnly))
        {
            var error = Assert.Throws<ArgumentException>(() => _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), target));

            Assert.That(error!.ParamName, Is.EqualTo("path"));
            Assert.That(error.Message, Does.Contain(readOnly).And.Contain("cannot be written"));
        }

        Assert.That(_host.Requests, Is.Zero);
        Assert.That(_api.RequestCount, Is.Zero);
        Assert.That(Directory.GetFileSystemEntries(readOnly), Is.Empty);
    }

    [Test]
    public async Task A_new_file_is_private_to_its_owner_and_a_replaced_one_keeps_its_mode()
    {
        var fresh = Path.Combine(_folder, "new.csv");
        var shared = Path.Combine(_folder, "shared.csv");
        await File.WriteAllTextAsync(shared, "old");
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), fresh);
        await _api.Client.DownloadToFileAsync(CompletedRun(_host.Url), shared);

        Assert.That(File.GetUnixFileMode(fresh), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(shared), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
        Assert.That(await File.ReadAllBytesAsync(shared), Is.EqualTo(Artifact));
    }

    [Test]
    public async Task A_failed_download_leaves_an_existing_file_as_it_was_and_no_temporary_file()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.MaxRetryAttempts = 0, time);
        using var truncating = new RawArtifactServer(new byte[1_000_000], cutAfter: 10_000);
        var file = Path.Combine(_folder, "traffic.csv");
        await File.WriteAllTextAsync(file, "old");

        var error = await FakeClock.DriveAsync(time, Fails.With(() => api.Client.DownloadToFileAsync(CompletedRun(truncating.Url), file)));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { file }));
    }

    [Test]
    public async Task A_failed_download_through_a_symlink_leaves_the_file_and_the_link_as_they_were()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var api = new ClientHarness(o => o.MaxRetryAttempts = 0, time);
        using var truncating = new RawArtifactServer(new byte[1_000_000], cutAfter: 10_000);
        var file = Path.Combine(_folder, "traffic.csv");
        await File.WriteAllTextAsync(file, "old");
        var link = File.CreateSymbolicLink(Path.Combine(_folder, "link.csv"), file).FullName;

        await FakeClock.DriveAsync(time, Fails.With(() => api.Client.DownloadToFileAsync(CompletedRun(truncating.Url), link)));

        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("old"));
        Assert.That(SpecialFiles.TypeOf(link), Is.EqualTo("symbolic link"));
        Assert.That(Directory.GetFileSystemEntries(_folder).Order(), Is.EqualTo(new[] { link, file }.Order()), "no temporary file");
    }

    private static ReportRun CompletedRun(Uri url) =>
        ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed, downloadUrl: url);
}
