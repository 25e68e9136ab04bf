using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>Loads one whole article: the row with its images, its topics, its related links resolved.</summary>
internal sealed class ArticleDetailReader(ArticleDbContext context, RelatedLinkReader relatedReader)
{
    public async Task<ArticleDetail?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var article = await context.Articles.Include(a => a.Provider).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var topics = await context.ArticleTopics.Where(t => t.ArticleKey == article.Key).OrderBy(t => t.Position)
            .Select(t => new TopicReference(t.NameAsWritten ?? t.Topic!.Name, t.Topic!.Slug)).ToListAsync(cancellationToken);
        var related = await relatedReader.LoadAsync(context.RelatedLinks.Where(r => r.ArticleKey == article.Key).OrderBy(r => r.Position), cancellationToken);
        var provider = article.ProviderName is null && article.ProviderDomain is null && article.ProviderImages.Count == 0 && article.ProviderExtra is null
            ? null
            : new ProviderDetail(article.ProviderName ?? article.Provider?.Name, article.ProviderDomain,
                article.ProviderImages.Count == 0 ? null : [.. article.ProviderImages.OrderBy(i => i.Position).Select(ImageDetail.From)])
            { Extra = JsonExtras.Object(article.ProviderExtra) };

        return new ArticleDetail(article.Id, article.SourcePath, article.Title, article.Excerpt, article.PublishedDateTime, article.OriginalUrl,
            article.WebUrl, article.AmpWebUrl, article.CdnAmpWebUrl, article.Type, article.Category, article.Quality, article.Heat, article.Published,
            provider, topics, [.. article.Images.OrderBy(i => i.Position).Select(ImageDetail.From)], related, article.Secured, article.Body,
            article.ImportedAt, JsonExtras.Element(article.Extra));
    }
}
