using ArticleApi.Articles;
using ArticleApi.Import.Reading;
using ArticleApi.Model;

namespace ArticleApi.Import.Writing;

/// <summary>A write the pass has decided on.</summary>
internal abstract record PendingItem
{
    private PendingItem()
    {
    }

    /// <summary>Insert the article, or replace the row <paramref name="ExistingKey"/> keeping its key.</summary>
    internal sealed record Upsert(long? ExistingKey, Article Article, IReadOnlyList<string> TopicNames, bool IsRename = false) : PendingItem;

    /// <summary>The file's bytes are unchanged but its stat moved: record the new stat only.</summary>
    internal sealed record Restat(long Key, SourceFile File) : PendingItem;
}
