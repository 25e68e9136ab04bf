namespace ArticleApi.Articles;

/// <summary>A row of a page before its content is loaded: the key, the id and the value it is sorted on.</summary>
internal sealed class PageKey
{
    public long Key { get; set; }

    public required string Id { get; set; }

    public string? SortValue { get; set; }
}
