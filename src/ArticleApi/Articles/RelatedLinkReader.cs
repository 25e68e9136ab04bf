using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Loads related links and resolves them at query time: a link points at the imported article whose link
/// (webUrl, else originalUrl) equals its webUrl, the smallest id when several share it. Two statements per list.
/// </summary>
internal sealed class RelatedLinkReader(ArticleDbContext context)
{
    public async Task<List<RelatedLinkResponse>> LoadAsync(IQueryable<RelatedLink> links, CancellationToken cancellationToken)
    {
        var rows = await links
            .Select(r => new { Link = r, SourceArticleId = context.Articles.Where(a => a.Key == r.ArticleKey).Select(a => a.Id).First() })
            .ToListAsync(cancellationToken);
        var urls = rows.Select(r => r.Link.WebUrl).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var targets = await ResolveAsync(urls, cancellationToken);
        return rows.ConvertAll(row => ToResponse(row.Link, row.SourceArticleId, row.Link.WebUrl is { } url ? targets.GetValueOrDefault(url) : null));
    }

    /// <summary>
    /// Link to article id for each of <paramref name="urls"/> that an imported article has. The one rule for a link that
    /// several articles share: it resolves to the smallest id (ordinal), the same on every request and engine.
    /// </summary>
    public async Task<Dictionary<string, string>> ResolveAsync(IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var pairs = await context.Articles.Where(a => urls.Contains(a.Link)).Select(a => new { Link = a.Link!, a.Id }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.Link, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Id).Min(StringComparer.Ordinal)!, StringComparer.Ordinal);
    }

    internal static RelatedLinkResponse ToResponse(RelatedLink link, string sourceArticleId, string? articleId)
    {
        var extra = JsonExtras.Object(link.Extra);
        // The importer keeps a related provider's further keys under "provider" in the link's JSON: serve them in the provider.
        Dictionary<string, System.Text.Json.JsonElement>? providerExtra = null;
        if (extra is not null && extra.Remove("provider", out var provider) && provider.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            providerExtra = provider.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }

        var providerDetail = link.ProviderName is null && link.ProviderDomain is null && providerExtra is null
            ? null
            : new ProviderDetail(link.ProviderName, link.ProviderDomain, null) { Extra = providerExtra };
        return new RelatedLinkResponse(link.Id, sourceArticleId, articleId, link.Title, link.Excerpt, link.PublishedDateTime, link.WebUrl,
            link.AmpWebUrl, link.CdnAmpWebUrl, link.Type, link.Quality, providerDetail,
            [.. link.Images.OrderBy(i => i.Position).Select(ImageDetail.From)], extra is { Count: > 0 } ? extra : null);
    }
}
