using System.Runtime.InteropServices;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Asks the kernel to start reading the files a pass reads next (<c>posix_fadvise</c> WILLNEED), and returns at once.
/// A pass parses on as many threads as cores, each reading one file at a time: from a cold page cache each read waited
/// on the disk alone, and a load of 1,000,000 files took 40 s longer than with the files in memory. With the next
/// batch's reads already queued the disk serves many at once: 113.9 s instead of 134.8 s (BENCHMARKS.md). Linux only;
/// elsewhere, and for any file it cannot open, nothing.
/// </summary>
internal static partial class ReadAhead
{
    // The same values on every Linux architecture .NET runs on.
    private const int ReadOnlyNonBlocking = 0x800; // O_RDONLY | O_NONBLOCK: a FIFO swapped in after the check never blocks the open
    private const int CloseOnExec = 0x80000;
    private const int WillNeed = 3;

    /// <summary>Asks for <paramref name="files"/>, each no further than the reader reads it (<paramref name="maxFileBytes"/> + 1).</summary>
    public static void Advise(IEnumerable<SourceFile> files, long maxFileBytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var file in files)
        {
            // Only what the reader itself would open: a regular file within the size limit.
            if (Length(file, maxFileBytes) is not { } length || FileKind.DescribeIfNotRegular(file.FullPath) is not null)
            {
                continue;
            }

            var descriptor = Open(file.FullPath, ReadOnlyNonBlocking | CloseOnExec);
            if (descriptor < 0)
            {
                continue;
            }

            _ = Advise(descriptor, 0, length, WillNeed);
            _ = Close(descriptor);
        }
    }

    /// <summary>
    /// The bytes to ask for: none for an empty file or one over the limit (the reader fails it unread), else its
    /// scanned length and one byte more, as the reader reads; never the whole of a file that grew past the limit.
    /// </summary>
    internal static long? Length(SourceFile file, long maxFileBytes) =>
        file.Length <= 0 || file.Length > maxFileBytes ? null : file.Length + 1;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Advise(int descriptor, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Close(int descriptor);
}
