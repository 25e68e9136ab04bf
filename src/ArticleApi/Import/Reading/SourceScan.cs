namespace ArticleApi.Import.Reading;

/// <summary>
/// What a scan of the source folder found: the files to consider, the entries it left out with the reason (links not
/// followed, special files), and the folders it could not list (their articles must not be taken for deleted).
/// </summary>
internal sealed record SourceScan(ScannedFiles Files, List<LeftOut> LeftOut, List<LeftOut> UnreadableFolders)
{
    /// <summary>True when <paramref name="relativePath"/> lies under a folder that could not be listed.</summary>
    public bool IsUnderUnreadableFolder(string relativePath) =>
        UnreadableFolders.Any(folder => relativePath.StartsWith(folder.Path, StringComparison.Ordinal));
}

/// <summary>A path (relative, forward slashes; folders end with '/') and why the scan left it out.</summary>
internal sealed record LeftOut(string Path, string Reason);
