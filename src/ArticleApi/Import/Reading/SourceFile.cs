namespace ArticleApi.Import.Reading;

/// <summary>A candidate file found by a scan: its path relative to the source folder (forward slashes) and its stat.</summary>
internal sealed record SourceFile(string RelativePath, string FullPath, long Length, DateTimeOffset ModifiedAt);
