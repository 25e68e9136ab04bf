using Microsoft.Extensions.FileSystemGlobbing;

namespace ArticleApi.Import.Reading;

/// <summary>Lists the markdown files of the source folder, recursively, less what <c>Import:Exclude</c> leaves out.</summary>
internal static class SourceScanner
{
    private static readonly string[] Extensions = [".md", ".markdown"];

    public static List<SourceFile> Scan(string sourceDirectory, IReadOnlyCollection<string> exclude)
    {
        var root = new DirectoryInfo(Path.GetFullPath(sourceDirectory));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Import:SourceDirectory '{root.FullName}' does not exist");
        }

        var excluded = new Matcher(StringComparison.Ordinal);
        excluded.AddIncludePatterns(exclude);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
        var files = new List<SourceFile>();
        foreach (var file in root.EnumerateFiles("*", options))
        {
            if (!Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/');
            if (exclude.Count > 0 && excluded.Match(relative).HasMatches)
            {
                continue;
            }

            // Milliseconds: the precision the database keeps, so an untouched file compares equal on the next scan.
            var modified = DateTimeOffset.FromUnixTimeMilliseconds(new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeMilliseconds());
            files.Add(new SourceFile(relative, file.FullName, file.Length, modified));
        }

        // Ordinal order: ids, batches and "last file wins" for shared provider names are the same on every machine.
        files.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        return files;
    }
}
