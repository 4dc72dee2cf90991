using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HeloData.Reports.TestSupport;

/// <summary>
/// Files that are not regular files, made in a test's own temp folder (never in /dev) with the tools a
/// shell user has: <c>mkfifo</c>, <c>mknod</c>, <c>stat</c>, <c>chattr</c>. The tests run as root
/// here, which <c>mknod</c> needs.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SpecialFiles
{
    public static string MakeFifo(string path)
    {
        Run("mkfifo", path);
        return path;
    }

    /// <summary>A character device with /dev/null's numbers (1, 3): what is written to it is discarded, and it must stay a device.</summary>
    public static string MakeNullDevice(string path)
    {
        Run("mknod", path, "c", "1", "3");
        return path;
    }

    /// <summary>A character device with /dev/full's numbers (1, 7): every write fails with "no space left".</summary>
    public static string MakeFullDevice(string path)
    {
        Run("mknod", path, "c", "1", "7");
        return path;
    }

    /// <summary>A listening Unix stream socket bound at <paramref name="path"/>.</summary>
    public static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(1);
        return socket;
    }

    /// <summary>Accepts one connection and reads it to its end.</summary>
    public static async Task<byte[]> ReceiveAllAsync(Socket listener)
    {
        using var connection = await listener.AcceptAsync();
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>Opens the FIFO for reading (which waits for a writer) and reads until the writer closes it.</summary>
    public static Task<byte[]> ReadFifoAsync(string path) => Task.Run(() => File.ReadAllBytes(path));

    /// <summary>
    /// How many threads of this process are blocked opening a FIFO that has no other end yet: Linux shows
    /// the kernel function such a thread sleeps in, <c>wait_for_partner</c>, as its <c>wchan</c>. The
    /// runtime's own debugger pipe thread is one, so compare with a count taken before.
    /// </summary>
    public static int ThreadsWaitingToOpenAFifo() =>
        Directory.GetDirectories("/proc/self/task").Count(task =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(task, "wchan")) == "wait_for_partner";
            }
            catch (IOException)
            {
                return false; // the thread ended meanwhile
            }
        });

    /// <summary>The path's inode number (<c>stat -L</c>, through links): the same before and after means the file was written in place, not replaced.</summary>
    public static long InodeOf(string path) => long.Parse(Run("stat", "-L", "-c", "%i", path).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the kernel resolves <paramref name="path"/> to (<c>readlink -m</c>: every link and <c>..</c> on disk, in order).</summary>
    public static string KernelPathOf(string path) => Run("readlink", "-m", path).Trim();

    /// <summary>
    /// Runs <paramref name="action"/> on a thread of its own whose file-system user and group are
    /// nobody's (65534) when the tests run as root, so file permissions apply to it as to any user
    /// (root's own overrides are dropped with it); Linux's <c>setfsuid</c> and <c>setfsgid</c> act on the
    /// calling thread only, so no other thread is affected.
    /// </summary>
    public static void AsAnotherUser(Action action)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            var root = Run("id", "-u").Trim() == "0";
            if (root)
            {
                SetFsGid(Nobody);
                SetFsUid(Nobody);
                if (SetFsUid(uint.MaxValue) != Nobody || SetFsGid(uint.MaxValue) != Nobody)
                {
                    failure = ExceptionDispatchInfo.Capture(new InvalidOperationException("setfsuid or setfsgid did not take"));
                    SetFsUid(0);
                    SetFsGid(0);
                    return;
                }
            }

            try
            {
                action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                if (root)
                {
                    SetFsUid(0);
                    SetFsGid(0);
                }
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    private const uint Nobody = 65534;

    // Returns the previous file-system uid; an invalid one (uint.MaxValue) changes nothing, so it reads it.
    [DllImport("libc", EntryPoint = "setfsuid")]
    private static extern int SetFsUid(uint uid);

    [DllImport("libc", EntryPoint = "setfsgid")]
    private static extern int SetFsGid(uint gid);

    /// <summary>What <c>stat</c> says the path is, without following a link: "fifo", "character special file", "socket", "symbolic link", "regular file", "regular empty file".</summary>
    public static string TypeOf(string path) => Run("stat", "-c", "%F", path).Trim();

    /// <summary>
    /// Makes a folder refuse new files to this process. Mode 0555 is enough for anyone but root, and
    /// root writes anywhere the permissions say no; so, as root, the folder is also made immutable
    /// (<c>chattr +i</c>), which stops root too. The premise is checked, not assumed: creating a file in
    /// it must fail, or the test fails here instead of passing for the wrong reason.
    /// </summary>
    public static IDisposable MakeReadOnly(string folder)
    {
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var root = Run("id", "-u").Trim() == "0";
        if (root)
        {
            Run("chattr", "+i", folder);
        }

        var undo = new Undo(folder, root);
        try
        {
            Assert.That(() => File.Create(Path.Combine(folder, "probe")).Dispose(), Throws.InstanceOf<UnauthorizedAccessException>().Or.InstanceOf<IOException>(), $"{folder} should refuse a new file");
        }
        catch
        {
            undo.Dispose();
            throw;
        }

        return undo;
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', args)}: {error}");
        return output.Result;
    }

    private sealed class Undo(string folder, bool immutable) : IDisposable
    {
        public void Dispose()
        {
            if (immutable)
            {
                Run("chattr", "-i", folder);
            }

            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
