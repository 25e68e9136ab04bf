using Microsoft.Extensions.FileSystemGlobbing;

namespace ArticleApi.Import.Reading;

/// <summary>
/// Lists the markdown files of the source folder, recursively, less what <c>Import:Exclude</c> leaves out. Symbolic
/// links are left out and reported, unless following them is allowed, and then only to files and folders inside the
/// source folder, each real folder once (no loop). Special files (pipes, devices, sockets) are left out and reported;
/// a folder that cannot be listed is reported, never taken as empty.
/// </summary>
internal static class SourceScanner
{
    private static readonly string[] Extensions = [".md", ".markdown"];

    public static SourceScan Scan(string sourceDirectory, IReadOnlyCollection<string> exclude, bool followSymlinks = false)
    {
        var root = new DirectoryInfo(Path.GetFullPath(sourceDirectory));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Import:SourceDirectory '{root.FullName}' does not exist");
        }

        var excluded = new Matcher(StringComparison.Ordinal);
        excluded.AddIncludePatterns(exclude);
        var scan = new SourceScan([], [], []);
        var realRoot = RealPath.Of(root.FullName);
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        var pending = new Stack<(DirectoryInfo Folder, string Relative)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (folder, relative) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = [.. folder.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None })];
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                scan.UnreadableFolders.Add(new LeftOut(relative, "cannot list the folder: " + exception.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                var path = relative + entry.Name;
                var isFolder = entry is DirectoryInfo;
                if (exclude.Count > 0 && excluded.Match(isFolder ? path + "/x" : path).HasMatches)
                {
                    continue;
                }

                if (!isFolder && !Extensions.Contains(entry.Extension, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (entry.LinkTarget is not null && FollowableLink(entry, realRoot, followSymlinks, visited, out var reason) is false)
                {
                    scan.LeftOut.Add(new LeftOut(isFolder ? path + "/" : path, reason!));
                    continue;
                }

                if (isFolder)
                {
                    if (entry.LinkTarget is null)
                    {
                        visited.Add(RealPath.Of(entry.FullName));
                    }

                    pending.Push(((DirectoryInfo)entry, path + "/"));
                }
                else
                {
                    // A followed link is read at its real path (its own stat is the link's, not the file's).
                    var file = entry.LinkTarget is null ? (FileInfo)entry : new FileInfo(RealPath.Of(entry.FullName));
                    // Milliseconds: the precision the database keeps, so an untouched file compares equal on the next scan.
                    var modified = DateTimeOffset.FromUnixTimeMilliseconds(new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeMilliseconds());
                    scan.Files.Add(new SourceFile(path, file.FullName, file.Exists ? file.Length : 0, modified));
                }
            }
        }

        // Ordinal order: ids, batches and "last file wins" for shared provider names are the same on every machine.
        scan.Files.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        scan.LeftOut.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return scan;
    }

    /// <summary>Whether a link may be followed; when not, why. A followed folder link marks its real folder as visited.</summary>
    private static bool FollowableLink(FileSystemInfo link, string realRoot, bool followSymlinks, HashSet<string> visited, out string? reason)
    {
        if (!followSymlinks)
        {
            reason = "a symbolic link: not followed (Import:FollowSymlinks is false)";
            return false;
        }

        var target = RealPath.Of(link.FullName);
        if (target != realRoot && !target.StartsWith(realRoot + "/", StringComparison.Ordinal))
        {
            reason = "a symbolic link out of the source folder: not followed";
            return false;
        }

        if (link is DirectoryInfo && !visited.Add(target))
        {
            reason = "a symbolic link to a folder already scanned (a loop or a second way in): not followed";
            return false;
        }

        reason = null;
        return true;
    }
}
