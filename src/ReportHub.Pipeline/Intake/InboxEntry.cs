using System.Runtime.InteropServices;

namespace ReportHub.Pipeline.Intake;

/// <summary>What kind of file system entry a path is, without following a final symbolic link.</summary>
public enum EntryKind
{
    Regular,
    Directory,
    SymbolicLink,
    /// <summary>A FIFO, socket or device: opening one may block for ever or read without end.</summary>
    Special,
    Missing,
}

/// <summary>
/// lstat for the inbox. .NET reports FIFOs and devices as ordinary files, and opening a FIFO blocks until a writer
/// comes, so on Linux the type comes from statx(2), whose layout is the same on every architecture.
/// </summary>
public static partial class InboxEntry
{
    public static EntryKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux() && LinuxKind(path) is { } kind)
        {
            return kind;
        }
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return EntryKind.SymbolicLink;
        }
        return info switch
        {
            DirectoryInfo => EntryKind.Directory,
            { Exists: false } => EntryKind.Missing,
            _ => EntryKind.Regular,
        };
    }

    /// <summary>The kind of what a path finally points at, links followed (for paths a user named on purpose).</summary>
    public static EntryKind KindOfTarget(string path)
    {
        var full = Path.GetFullPath(path);
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return KindOf(target);
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;

    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int TypeLink = 0xA000;

    private static EntryKind? LinuxKind(string path)
    {
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        if (result != 0)
        {
            return Marshal.GetLastPInvokeError() == 2 ? EntryKind.Missing : null;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            TypeRegular => EntryKind.Regular,
            TypeDirectory => EntryKind.Directory,
            TypeLink => EntryKind.SymbolicLink,
            _ => EntryKind.Special,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
