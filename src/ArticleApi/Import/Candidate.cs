using ArticleApi.Import.Reading;
namespace ArticleApi.Import;

/// <summary>A file that may have changed: its stat differs from what the database recorded, or it is new.</summary>
internal sealed record Candidate(SourceFile File, string Id, StoredVersion? Existing);
