using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>Null when the scope's topic or provider exists, else its 404. Run prepared, as the page's own statements are.</summary>
    public async Task<ProblemHttpResult?> FindMissingAsync(ArticleDbContext db, TimedReads reads, CancellationToken cancellationToken)
    {
        if (Topic is { } slug && !await ExistsAsync(db, reads, db.Topics.Where(t => t.Slug == slug).Select(t => t.Id), cancellationToken))
        {
            return Problems.NotFound("Topic", "slug", slug);
        }

        if (Provider is { } domain && !await ExistsAsync(db, reads, db.Providers.Where(p => p.Domain == domain).Select(p => p.Domain), cancellationToken))
        {
            return Problems.NotFound("Provider", "domain", domain);
        }

        return null;
    }

    private static async Task<bool> ExistsAsync<T>(ArticleDbContext db, TimedReads reads, IQueryable<T> rows, CancellationToken cancellationToken) =>
        (await reads.QueryAsync(db, rows.Take(1), _ => true, cancellationToken)).Count > 0;
}
