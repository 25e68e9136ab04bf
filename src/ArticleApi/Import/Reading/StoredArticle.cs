namespace ArticleApi.Import.Reading;

/// <summary>What the importer reads of an article already in the database to decide what a file changes.</summary>
internal sealed record StoredArticle(long Key, string Id, string SourcePath, string ContentHash, long FileLength, DateTimeOffset FileModifiedAt);
