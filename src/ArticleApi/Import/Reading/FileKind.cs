using System.Runtime.InteropServices;

namespace ArticleApi.Import.Reading;

/// <summary>
/// What a path is, without following a final link and without opening it: opening a named pipe blocks until a
/// writer comes, and a device such as <c>/dev/zero</c> never ends. .NET reports both as ordinary files of length 0,
/// so on Linux the kernel is asked (<c>statx</c>, whose layout is the same on every architecture).
/// </summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    /// <summary>Null for a regular file; else what it is ("a named pipe", "a device", "a socket"), for the skip reason.</summary>
    public static string? DescribeIfNotRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            return null; // unknown: the reader's own checks (bounded read) still hold
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => null,
            0x1000 => "a named pipe",
            0x2000 or 0x6000 => "a device",
            0xC000 => "a socket",
            0xA000 => "a symbolic link",
            0x4000 => "a folder",
            _ => "not a regular file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
