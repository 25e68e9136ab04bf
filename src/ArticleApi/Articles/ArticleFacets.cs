using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>Counts per value of a facet over the current filter: one GROUP BY statement per facet asked for.</summary>
internal static class ArticleFacets
{
    public const int TopValues = 20;

    /// <param name="everything">The per-version counts, when the filter is empty: topic and provider facets are then read from them.</param>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>> CountAsync(
        IQueryable<Article> filtered, IReadOnlyList<string> facets, ArticleDbContext context, ArticleCounts.Snapshot? everything, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        foreach (var facet in facets)
        {
            result[facet] = (facet, everything) switch
            {
                ("topic", not null) => Top(everything.TopicIds.Select(t => new FacetValue(t.Key, everything.Topic(t.Value)))),
                ("provider", not null) => Top(everything.Providers.Select(p => new FacetValue(p.Key, p.Value))),
                ("topic", _) => await TopAsync(
                    context.ArticleTopics.Where(t => filtered.Select(a => a.Key).Contains(t.ArticleKey)).GroupBy(t => t.Topic!.Slug)
                        .Select(g => new FacetCount { Value = g.Key, Count = g.Count() }), cancellationToken),
                ("provider", _) => await TopAsync(
                    filtered.Where(a => a.ProviderDomain != null).GroupBy(a => a.ProviderDomain!)
                        .Select(g => new FacetCount { Value = g.Key, Count = g.Count() }), cancellationToken),
                ("type", _) => await TopAsync(
                    filtered.Where(a => a.Type != null).GroupBy(a => a.Type!)
                        .Select(g => new FacetCount { Value = g.Key, Count = g.Count() }), cancellationToken),
                _ => await PublishedAsync(filtered, cancellationToken),
            };
        }

        return result;
    }

    private static List<FacetValue> Top(IEnumerable<FacetValue> counts) =>
        [.. counts.Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(TopValues)];

    // Most frequent first; equal counts by value, so the list is stable between requests.
    private static async Task<IReadOnlyList<FacetValue>> TopAsync(IQueryable<FacetCount> counts, CancellationToken cancellationToken) =>
        (await counts.OrderByDescending(f => f.Count).ThenBy(f => f.Value).Take(TopValues).ToListAsync(cancellationToken))
            .ConvertAll(f => new FacetValue(f.Value, f.Count));

    private static async Task<IReadOnlyList<FacetValue>> PublishedAsync(IQueryable<Article> filtered, CancellationToken cancellationToken)
    {
        var counts = await filtered.Where(a => a.Published != null).GroupBy(a => a.Published!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. counts.Select(c => new FacetValue(c.Key ? "true" : "false", c.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
    }

    // Member-initialised (not a positional record) so EF can order by its members in SQL.
    private sealed class FacetCount
    {
        public required string Value { get; init; }

        public int Count { get; init; }
    }
}
