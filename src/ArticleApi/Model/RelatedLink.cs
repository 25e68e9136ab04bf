using ArticleApi.Articles;

namespace ArticleApi.Model;

/// <summary>
/// One entry of an article's <c>related</c> list: a small article of its own. It resolves to an imported
/// article by joining <see cref="WebUrl"/> to <see cref="Article.Link"/> at query time, so a link never goes stale
/// when its target is imported, changed or deleted later.
/// </summary>
internal sealed class RelatedLink
{
    public long Id { get; set; }

    public long ArticleKey { get; set; }

    public int Position { get; set; }

    public string? Title { get; set; }

    public string? Excerpt { get; set; }

    public DateTimeOffset? PublishedDateTime { get; set; }

    public string? WebUrl { get; set; }

    public string? AmpWebUrl { get; set; }

    public string? CdnAmpWebUrl { get; set; }

    public string? Type { get; set; }

    public int? Quality { get; set; }

    public string? ProviderName { get; set; }

    public string? ProviderDomain { get; set; }

    public List<Image> Images { get; set; } = [];

    /// <summary>Keys beyond the known ones, as a JSON object.</summary>
    public string? Extra { get; set; }
}
