namespace ArticleApi.Import.Reading;

/// <summary>
/// What a pass keeps of the stored article of a file whose stat changed: its key, whether its id is still the file's
/// id, and the digest of its bytes (same bytes and id: only the stat is recorded again, nothing is parsed).
/// </summary>
internal readonly record struct StoredVersion(long Key, bool SameId, ContentDigest Digest);
