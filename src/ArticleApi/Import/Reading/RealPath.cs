namespace ArticleApi.Import.Reading;

/// <summary>
/// The real path of a file or folder: every symbolic link along it resolved (what <c>realpath</c> gives), so "is this
/// inside the source folder" cannot be fooled by a link in the middle of a path.
/// </summary>
internal static class RealPath
{
    /// <summary>Links followed before giving up (the kernel's own limit is 40).</summary>
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        while (parts.Count > 0)
        {
            var next = Path.Combine(current, parts.Dequeue());
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target && links++ < MaxLinks)
            {
                // Resolve the link's text against its folder, then walk what it names (and the rest of the path) again.
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                var rest = parts.ToArray();
                parts = new Queue<string>(resolved[(Path.GetPathRoot(resolved) ?? "/").Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(resolved) ?? "/";
                continue;
            }

            current = next;
        }

        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }
}
