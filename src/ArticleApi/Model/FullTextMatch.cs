namespace ArticleApi.Model;

/// <summary>A full-text hit: the article's key and its rank (lower is better, as bm25 gives it).</summary>
internal sealed class FullTextMatch
{
    public long Key { get; set; }

    public double Rank { get; set; }
}
