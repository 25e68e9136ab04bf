using ArticleApi.Data;
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

    /// <summary>
    /// Null when the scope's topic or provider exists, else its 404: one prepared lookup (<see cref="LookupStatements"/>)
    /// per name and data version, remembered by <paramref name="existence"/>.
    /// </summary>
    public async Task<ProblemHttpResult?> FindMissingAsync(
        ArticleDbContext db, TimedReads reads, LookupStatements lookups, ScopeExistence existence, CancellationToken cancellationToken)
    {
        if (Topic is { } slug && !await existence.ExistsAsync(ScopeExistence.ScopeKind.Topic, slug,
            token => ExistsAsync(db, reads, lookups.TopicExists(db.Model), slug, token), cancellationToken))
        {
            return Problems.NotFound("Topic", "slug", slug);
        }

        if (Provider is { } domain && !await existence.ExistsAsync(ScopeExistence.ScopeKind.Provider, domain,
            token => ExistsAsync(db, reads, lookups.ProviderExists(db.Model), domain, token), cancellationToken))
        {
            return Problems.NotFound("Provider", "domain", domain);
        }

        return null;
    }

    private static async Task<bool> ExistsAsync(ArticleDbContext db, TimedReads reads, string sql, string value, CancellationToken cancellationToken) =>
        (await reads.QueryAsync(db, sql, value, _ => true, cancellationToken)).Count > 0;
}
