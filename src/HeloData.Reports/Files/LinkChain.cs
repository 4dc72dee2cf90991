using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace HeloData.Reports;

/// <summary>
/// Where a chain of symlinks leads, followed one hop at a time as the kernel follows it: a link's
/// relative target is joined to the link's folder as the kernel sees that folder (its own links and
/// <c>..</c> resolved on disk, by <c>realpath(3)</c>), never collapsed as text, which
/// <see cref="File.ResolveLinkTarget(string, bool)"/> does (<c>a/out.csv -&gt; ../shared/out.csv</c>
/// with <c>a -&gt; real/b/c</c> is <c>real/b/shared/out.csv</c>, not <c>shared/out.csv</c> beside
/// <c>a</c>). A hop that is an open descriptor (<c>/proc/*/fd/N</c>, <c>/dev/fd/N</c>,
/// <c>/dev/stdout</c>) ends the walk: what it leads to is a file someone holds open, written in place.
/// </summary>
internal static partial class LinkChain
{
    // Linux's MAXSYMLINKS: the kernel itself gives up (ELOOP) after as many.
    private const int MaxHops = 40;

    // ENOENT and ENOTDIR, the same numbers on Linux and macOS.
    private const int NoSuchEntry = 2;
    private const int NotADirectory = 20;

    // Set if a runtime no longer has the shim's realpath: from then on, links are resolved as text.
    private static volatile bool s_noRealPath;

    /// <summary>The end of the chain starting at <paramref name="full"/>.</summary>
    /// <param name="full">The path as named, made full.</param>
    /// <returns>
    /// The file the chain ends at (which need not exist yet), or the descriptor hop that ends it; or,
    /// if a hop's folder does not exist, that hop as written, with <c>FolderMissing</c> set.
    /// </returns>
    /// <exception cref="IOException">A hop cannot be followed (a loop, a folder that cannot be searched); the message says why.</exception>
    /// <exception cref="UnauthorizedAccessException">A link cannot be read.</exception>
    public static (string Path, Descriptor? Descriptor, bool FolderMissing) Follow(string full)
    {
        if (OperatingSystem.IsWindows() || s_noRealPath)
        {
            return (ByText(full), null, false);
        }

        var current = full;
        for (var hop = 0; hop <= MaxHops; hop++)
        {
            var (folder, name) = Split(current);
            string? real;
            try
            {
                real = RealPath(folder);
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
            {
                // Every .NET from Core 2.0 to 10 has it (the tests run against it); a future one that
                // renamed it gets .NET's own resolution, as text.
                s_noRealPath = true;
                return (ByText(full), null, false);
            }

            if (real is null)
            {
                return (current, null, true);
            }

            current = real == "/" ? "/" + name : real + "/" + name;
            if (Descriptor.Of(real, name) is { } descriptor)
            {
                return (current, descriptor, false);
            }

            var target = new FileInfo(current).LinkTarget;
            if (target is null)
            {
                return (current, null, false);
            }

            current = target.StartsWith('/') ? target : real + "/" + target;
        }

        throw new IOException("Too many levels of symbolic links.");
    }

    // The folder (never empty) and the last name of a full Unix path, both as written. A last name of
    // "", "." or ".." names a folder, which the caller refused before: it is resolved as a folder here.
    private static (string Folder, string Name) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var folder = slash <= 0 ? "/" : path[..slash];
        if (name is "" or "." or "..")
        {
            throw new IOException("It names a folder.");
        }

        return (folder, name);
    }

    private static string ByText(string full) =>
        new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;

    // realpath(3) of a folder: every link and ".." in it resolved on disk, as open(2) would; null if
    // it (or a folder on its way) does not exist.
    private static string? RealPath(string folder)
    {
        var name = FileKinds.NativePath(folder);
        var resolved = RealPathNative(ref name[0]);
        if (resolved == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is NoSuchEntry or NotADirectory)
            {
                return null;
            }

            throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)}: {folder}");
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved)!;
        }
        finally
        {
            FreeNative(resolved);
        }
    }

    // The runtime's own shim (see FileKinds): SystemNative_RealPath is realpath(path, NULL), its result
    // malloc'ed, freed by SystemNative_Free. Blittable arguments, so Native AOT binds it as FileKinds' stat.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_RealPath", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr RealPathNative(ref byte path);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Free")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void FreeNative(IntPtr pointer);

    /// <summary>An open descriptor reached by name: <c>N</c> of <c>/proc/PID/fd/N</c> (or <c>/dev/fd/N</c>, <c>/dev/stdout</c>), and whether it is this process's own.</summary>
    internal sealed partial record Descriptor(int Number, bool Own)
    {
        /// <summary>This process's descriptor 1 or 2, which <see cref="Console"/> writes as it is.</summary>
        public bool IsOwnStandardOutputOrError => Own && Number is 1 or 2;

        public static Descriptor? Of(string realFolder, string name)
        {
            if (realFolder == "/dev" && name is "stdin" or "stdout" or "stderr")
            {
                // Where /dev/std* are not links to /proc/self/fd (they are elsewhere).
                return new Descriptor(name switch { "stdin" => 0, "stdout" => 1, _ => 2 }, Own: true);
            }

            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            if (realFolder == "/dev/fd")
            {
                return new Descriptor(number, Own: true);
            }

            // realpath turns /proc/self and /proc/thread-self into the process's own id.
            var match = ProcFolder().Match(realFolder);
            return match.Success
                ? new Descriptor(number, match.Groups[1].Value == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
                : null;
        }

        [GeneratedRegex(@"^/proc/(\d+)(?:/task/\d+)?/fd$", RegexOptions.CultureInvariant)]
        private static partial Regex ProcFolder();
    }
}
