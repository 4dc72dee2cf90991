using System.Runtime.InteropServices;
using System.Text;

namespace HeloData.Reports;

/// <summary>What a path names, as far as writing to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    None,

    /// <summary>A regular file (also anything on Windows that is not a directory).</summary>
    Regular,

    Directory,
    CharacterDevice,
    Fifo,
    Socket,
    BlockDevice,

    /// <summary>A type no writer here knows (a whiteout, a door, …).</summary>
    Other,
}

/// <summary>
/// Reads a path's file type (<c>stat(2)</c>, following symlinks). .NET has no public API for it
/// (<see cref="File.GetUnixFileMode(string)"/> masks the type bits off), so this asks the runtime's
/// own native shim, libSystem.Native, which every .NET on Unix ships and which <see cref="File.Exists"/>
/// and <see cref="Directory.Exists"/> call themselves. Its <c>FileStatus</c> has begun with
/// <c>int32 Flags; int32 Mode</c> since .NET Core 1.0, with the POSIX type bits in <c>Mode</c>; the
/// buffer given is far larger than the struct, so a runtime that appends members cannot overrun it.
/// </summary>
internal static class FileKinds
{
    // The POSIX type bits (S_IFMT and its values), which the shim passes through unchanged.
    private const int TypeMask = 0xF000;

    // Set if a runtime no longer has the shim's stat: from then on, only what public APIs can tell.
    private static volatile bool s_noStat;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows() || s_noStat)
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.None;
        }

        if (!TryStat(path, out var status))
        {
            // Absent, or not reachable (a dangling link, a folder on the way not searchable): nothing
            // to keep. Creating the file later reports what really stands in the way. (Or the shim has
            // no stat: then what public APIs can tell.)
            return s_noStat ? Of(path) : FileKind.None;
        }

        return (status.Mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
    }

    /// <summary>
    /// The owner's user id and the mode of what <paramref name="path"/> names (the same <c>stat(2)</c> as
    /// <see cref="Of(string)"/>, following links; check for a link first where that matters), or
    /// <see langword="null"/> on Windows, when the shim has no stat, or when the path cannot be stat'ed.
    /// </summary>
    public static FileOwnership? OwnershipOf(string path)
    {
        if (OperatingSystem.IsWindows() || s_noStat)
        {
            return null;
        }

        // The shim's FileStatus: int32 Flags, int32 Mode, then the owner's 32-bit Uid, at these offsets since .NET Core 1.0.
        return TryStat(path, out var status)
            ? new FileOwnership((status.Mode & TypeMask) == 0x4000, status.Uid, (UnixFileMode)(status.Mode & 0xFFF))
            : null;
    }

    /// <summary>The path as the native shim takes it: UTF-8, ending in a zero byte.</summary>
    internal static byte[] NativePath(string path)
    {
        var name = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, name);
        return name;
    }

    /// <summary>
    /// <c>stat(2)</c> through the shim; <see langword="false"/> when the path cannot be stat'ed, or when the
    /// shim has no stat (every .NET from Core 1.0 to 10 has it, and the tests run against it; a future one
    /// that renamed it sets <see cref="s_noStat"/>, and callers fall back to public APIs).
    /// </summary>
    private static bool TryStat(string path, out FileStatusHead status)
    {
        var name = NativePath(path);
        try
        {
            return Stat(ref name[0], out status) == 0;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            s_noStat = true;
            status = default;
            return false;
        }
    }

    /// <summary>
    /// This process's effective user id (<c>geteuid(2)</c>), the owner a folder it creates gets; <see langword="null"/>
    /// on Windows or when the shim lacks it. Asked of the same runtime shim as the stat (its
    /// <c>SystemNative_GetEUid</c>, which the runtime itself calls), so no other native library is loaded.
    /// </summary>
    public static uint? CurrentUserId()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return GetEUid();
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEUid();

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(ref byte path, out FileStatusHead status);

    // Flags and Mode, then room for every member a runtime has (about 130 bytes in .NET 10).
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatusHead
    {
        public int Flags;
        public int Mode;
        public uint Uid; // the owner, read by OwnershipOf
    }
}

/// <summary>Who owns a path, and its permission bits, as <see cref="FileKinds.OwnershipOf(string)"/> read them.</summary>
/// <param name="IsDirectory">Whether it is a directory.</param>
/// <param name="UserId">The owner's user id.</param>
/// <param name="Permissions">The permission bits (including setuid, setgid and sticky).</param>
internal readonly record struct FileOwnership(bool IsDirectory, uint UserId, UnixFileMode Permissions);
