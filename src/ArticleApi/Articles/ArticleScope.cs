using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Which articles a list route covers: all of them (<c>/articles</c>), one topic's (<c>/topics/{slug}/articles</c>) or
/// one provider's (<c>/providers/{domain}/articles</c>). A scope naming a topic or provider that does not exist is a 404.
/// </summary>
internal sealed record ArticleScope(string? Topic, string? Provider)
{
    public static ArticleScope All { get; } = new(null, null);

    public static ArticleScope OfTopic(string slug) => new(slug, null);

    public static ArticleScope OfProvider(string domain) => new(null, domain);

    /// <summary>The query narrowed to this scope, on top of its own topic and provider filters.</summary>
    public ArticleQuery Narrow(ArticleQuery query) => query with { RequiredTopic = Topic, RequiredProvider = Provider };

    /// <summary>Null when the scope's topic or provider exists, else its 404.</summary>
    public async Task<ProblemHttpResult?> FindMissingAsync(ArticleDbContext db, CancellationToken cancellationToken)
    {
        if (Topic is { } slug && !await db.Topics.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return Problems.NotFound("Topic", "slug", slug);
        }

        if (Provider is { } domain && !await db.Providers.AnyAsync(p => p.Domain == domain, cancellationToken))
        {
            return Problems.NotFound("Provider", "domain", domain);
        }

        return null;
    }
}
