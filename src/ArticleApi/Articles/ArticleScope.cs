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

    /// <summary>Null when the scope's topic or provider exists, else its 404: one prepared lookup (<see cref="LookupStatements"/>).</summary>
    public async Task<ProblemHttpResult?> FindMissingAsync(ArticleDbContext db, TimedReads reads, LookupStatements lookups, CancellationToken cancellationToken)
    {
        if (Topic is { } slug && !await ExistsAsync(db, reads, lookups.TopicExists(db.Model), slug, cancellationToken))
        {
            return Problems.NotFound("Topic", "slug", slug);
        }

        if (Provider is { } domain && !await ExistsAsync(db, reads, lookups.ProviderExists(db.Model), domain, cancellationToken))
        {
            return Problems.NotFound("Provider", "domain", domain);
        }

        return null;
    }

    private static async Task<bool> ExistsAsync(ArticleDbContext db, TimedReads reads, string sql, string value, CancellationToken cancellationToken) =>
        (await reads.QueryAsync(db, sql, value, _ => true, cancellationToken)).Count > 0;
}
