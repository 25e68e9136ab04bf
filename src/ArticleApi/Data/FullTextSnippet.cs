namespace ArticleApi.Data;

/// <summary>One row of <see cref="IFullTextSearch.Snippets"/>: an article's key and its marked excerpt.</summary>
internal sealed class FullTextSnippet
{
    public long Key { get; set; }

    public string Snippet { get; set; } = "";
}
