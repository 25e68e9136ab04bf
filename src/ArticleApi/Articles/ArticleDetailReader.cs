using ArticleApi.Data;
using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>
/// Loads one whole article in one statement (<see cref="ArticleRowStatements.Detail"/>): the row with its provider,
/// images, topics and related links, each link resolved to the article it names.
/// </summary>
internal sealed class ArticleDetailReader(ArticleApi.Model.ArticleDbContext context, ArticleRowStatements statements, TimedReads reads)
{
    public async Task<ArticleDetail?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await reads.QueryAsync(context, statements.Detail(context.Model), id, ArticleDetailRow.Read, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var article = rows[0];
        var providerImages = ArticleJsonColumns.Images(article.ProviderImages);
        var provider = article.ProviderName is null && article.ProviderDomain is null && providerImages.Count == 0 && article.ProviderExtra is null
            ? null
            : new ProviderDetail(article.ProviderName ?? article.ProviderRowName, article.ProviderDomain, providerImages.Count == 0 ? null : providerImages)
            { Extra = JsonExtras.Object(article.ProviderExtra) };

        return new ArticleDetail(article.Id, article.SourcePath, article.Title, article.Excerpt, Instant(article.PublishedDateTime), article.OriginalUrl,
            article.WebUrl, article.AmpWebUrl, article.CdnAmpWebUrl, article.Type, article.Category, article.Quality, article.Heat, article.Published,
            provider, ArticleJsonColumns.Topics(article.Topics), ArticleJsonColumns.Images(article.Images),
            ArticleJsonColumns.Related(article.Related, article.Id), article.Secured, article.Body,
            DateTimeOffset.FromUnixTimeMilliseconds(article.ImportedAt), JsonExtras.Element(article.Extra));
    }

    internal static DateTimeOffset? Instant(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
