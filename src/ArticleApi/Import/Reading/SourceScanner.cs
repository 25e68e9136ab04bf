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
    public static SourceScan Scan(string sourceDirectory, IReadOnlyCollection<string> exclude, bool followSymlinks = false)
    {
        var root = new DirectoryInfo(Path.GetFullPath(sourceDirectory));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Import:SourceDirectory '{root.FullName}' does not exist");
        }

        var excluded = new Matcher(StringComparison.Ordinal);
        excluded.AddIncludePatterns(exclude);
        var scan = new SourceScan(new ScannedFiles(root.FullName), [], []);
        var realRoot = RealPath.Of(root.FullName);
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        // Depth first, each folder's entries sorted with a folder's name taken as "name/": the files come out in
        // PathOrder of their whole relative paths, so the list needs no sort and a folder's entries are all that is held.
        var pending = new Stack<(FolderEntry Entry, string Path)>();
        pending.Push((FolderEntry.Of(root), ""));
        using var listings = new FolderListings();
        while (pending.Count > 0)
        {
            var (entry, path) = pending.Pop();
            if (entry.IsFolder)
            {
                foreach (var child in List((DirectoryInfo)entry.Info!, path, scan, excluded, exclude.Count > 0, realRoot, followSymlinks, visited, listings))
                {
                    pending.Push(child);
                }

                // The next folders on the stack are the next visited: their listings start now, beside this walk.
                listings.Ahead(pending.Where(next => next.Entry.IsFolder).Select(next => (DirectoryInfo)next.Entry.Info!));
                continue;
            }

            if (!entry.IsLink)
            {
                scan.Files.Add(path, entry.Length, entry.ModifiedAt);
                continue;
            }

            // A followed link is read at its real path (its own stat is the link's, not the file's).
            var file = new FileInfo(RealPath.Of(entry.Info!.FullName));
            scan.Files.Add(path, file.Exists ? file.Length : 0, new DateTimeOffset(file.LastWriteTimeUtc), file.FullName);
        }

        scan.LeftOut.Sort((left, right) => PathOrder.Compare(left.Path, right.Path));
        return scan;
    }

    /// <summary>The entries of one folder to visit, last first (they go on a stack); what is left out is reported.</summary>
    private static List<(FolderEntry Entry, string Path)> List(
        DirectoryInfo folder, string relative, SourceScan scan, Matcher excluded, bool excluding, string realRoot, bool followSymlinks, HashSet<string> visited,
        FolderListings listings)
    {
        var children = new List<(FolderEntry Entry, string Path)>();
        if (relative.Length > 0)
        {
            relative += "/";
        }

        List<FolderEntry> entries;
        try
        {
            entries = listings.Take(folder);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            scan.UnreadableFolders.Add(new LeftOut(relative, "cannot list the folder: " + exception.Message));
            return children;
        }

        foreach (var entry in entries)
        {
            var path = relative + entry.Name;
            var isFolder = entry.IsFolder;
            if (excluding && excluded.Match(isFolder ? path + "/x" : path).HasMatches)
            {
                continue;
            }

            var link = entry.IsLink;
            if (link && FollowableLink(entry.Info!, realRoot, followSymlinks, visited, out var reason) is false)
            {
                scan.LeftOut.Add(new LeftOut(isFolder ? path + "/" : path, reason!));
                continue;
            }

            if (isFolder && !link)
            {
                visited.Add(RealPath.Of(entry.Info!.FullName));
            }

            children.Add((entry, path));
        }

        children.Sort((left, right) => PathOrder.Compare(SortKey(right), SortKey(left)));
        return children;
    }

    private static string SortKey((FolderEntry Entry, string Path) child) => child.Entry.IsFolder ? child.Path + "/" : child.Path;

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
