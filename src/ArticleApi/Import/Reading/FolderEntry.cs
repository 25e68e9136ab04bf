using System.IO.Enumeration;

namespace ArticleApi.Import.Reading;

/// <summary>
/// One entry of a listed folder, read straight from the enumeration: a plain file's stat costs one system call and
/// no <see cref="FileInfo"/>; folders and links keep their <see cref="FileSystemInfo"/>, which the scan needs.
/// </summary>
internal readonly record struct FolderEntry(string Name, bool IsFolder, bool IsLink, FileSystemInfo? Info, long Length, DateTimeOffset ModifiedAt)
{
    private static readonly EnumerationOptions Options = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };

    public static FolderEntry Of(DirectoryInfo folder) => new(folder.Name, true, false, folder, 0, default);

    /// <summary>The folders and markdown files of <paramref name="folder"/>; other files are not even looked at.</summary>
    public static List<FolderEntry> List(DirectoryInfo folder) =>
    [
        .. new FileSystemEnumerable<FolderEntry>(folder.FullName, Read, Options)
        {
            ShouldIncludePredicate = (ref entry) => entry.IsDirectory || IsMarkdown(entry.FileName),
        },
    ];

    private static FolderEntry Read(ref FileSystemEntry entry)
    {
        var name = entry.FileName.ToString();
        var mayBeLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
        if (entry.IsDirectory || mayBeLink)
        {
            var info = entry.ToFileSystemInfo();
            return new(name, entry.IsDirectory, mayBeLink && info.LinkTarget is not null, info, 0, default);
        }

        return new(name, false, false, null, entry.Length, entry.LastWriteTimeUtc);
    }

    private static bool IsMarkdown(ReadOnlySpan<char> name)
    {
        var extension = Path.GetExtension(name);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }
}
