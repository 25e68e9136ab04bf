using ArticleApi.Articles;
using ArticleApi.Import.Reading.FrontMatter;
using ArticleApi.Model;

namespace ArticleApi.Import.Reading;

/// <summary>What a parsed front matter maps to: an item, a page that is not an item, or a broken item.</summary>
internal abstract record ItemMapping
{
    private ItemMapping()
    {
    }

    /// <summary>An item ready to store; its topics are names, resolved to rows by the importer.</summary>
    internal sealed record Item(Article Article, IReadOnlyList<string> TopicNames) : ItemMapping;

    internal sealed record NotAnItem(string Reason) : ItemMapping;

    internal sealed record Broken(SourceError Error) : ItemMapping;
}
