using System.IO.Enumeration;

namespace ArticleApi.Import.Reading;

/// <summary>
/// One entry of a listed folder, read straight from the enumeration: a plain file's stat costs one system call and
/// no <see cref="FileInfo"/>; folders and links keep their <see cref="FileSystemInfo"/>, which the scan needs.
/// </summary>
internal readonly record struct FolderEntry(string Name, bool IsFolder, bool IsLink, FileSystemInfo? Info, long Length, DateTimeOffset ModifiedAt)
{
    // Links are left out by the kind the folder listing gives each entry, with no stat: asking an entry for its
    // attributes instead costs a geteuid call per file (for the read-only flag) on top of its stat.
    private static readonly EnumerationOptions NoLinks = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.ReparsePoint };
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };

    public static FolderEntry Of(DirectoryInfo folder) => new(folder.Name, true, false, folder, 0, default);

    /// <summary>The folders and markdown files of <paramref name="folder"/>; other files are not even looked at.</summary>
    public static List<FolderEntry> List(DirectoryInfo folder)
    {
        List<FolderEntry> entries =
        [
            .. new FileSystemEnumerable<FolderEntry>(folder.FullName, Read, NoLinks) { ShouldIncludePredicate = (ref entry) => IsWanted(ref entry) },
        ];

        // A second listing, names only, finds what the first left out: the links, and anything made in between
        // (looked at as closely as a link, so it is taken for what it is).
        var listed = new HashSet<string>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            listed.Add(entry.Name);
        }

        var names = listed.GetAlternateLookup<ReadOnlySpan<char>>();
        entries.AddRange(new FileSystemEnumerable<FolderEntry>(folder.FullName, ReadLink, Everything)
        {
            ShouldIncludePredicate = (ref entry) => !names.Contains(entry.FileName) && IsWanted(ref entry),
        });
        return entries;
    }

    private static bool IsWanted(ref FileSystemEntry entry) => entry.IsDirectory || IsMarkdown(entry.FileName);

    private static FolderEntry Read(ref FileSystemEntry entry) =>
        entry.IsDirectory
            ? new(entry.FileName.ToString(), true, false, entry.ToFileSystemInfo(), 0, default)
            : new(entry.FileName.ToString(), false, false, null, entry.Length, entry.LastWriteTimeUtc);

    private static FolderEntry ReadLink(ref FileSystemEntry entry)
    {
        var info = entry.ToFileSystemInfo();
        return info.LinkTarget is not null
            ? new(entry.FileName.ToString(), entry.IsDirectory, true, info, 0, default)
            : Read(ref entry);
    }

    private static bool IsMarkdown(ReadOnlySpan<char> name)
    {
        var extension = Path.GetExtension(name);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }
}
