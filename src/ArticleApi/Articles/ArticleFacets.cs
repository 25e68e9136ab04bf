using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// Counts per value of a facet over the current filter: one GROUP BY statement per facet asked for. Topic, provider,
/// type and category: the most frequent values; published: true and false; quality and heat: ranges of ten; month and
/// year: the UTC calendar periods of publishedDateTime, newest first.
/// </summary>
internal static class ArticleFacets
{
    public const int TopValues = 20;

    /// <summary>Width of the quality and heat ranges counted by their facets.</summary>
    public const int BucketWidth = 10;

    /// <summary>
    /// How many months the month facet lists: the newest ones with articles (<c>to</c> reaches further back). Years are
    /// all listed: there are as many as the span of the articles, a few dozen at most, and a timeline wants every one.
    /// </summary>
    public const int NewestMonths = 24;

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
                ("category", _) => await TopAsync(
                    filtered.Where(a => a.Category != null).GroupBy(a => a.Category!)
                        .Select(g => new FacetCount { Value = g.Key, Count = g.Count() }), cancellationToken),
                ("quality", _) => await BucketsAsync(filtered.Where(a => a.Quality != null).Select(a => a.Quality!.Value), cancellationToken),
                ("heat", _) => await BucketsAsync(filtered.Where(a => a.Heat != null).Select(a => a.Heat!.Value), cancellationToken),
                ("month", _) => await PeriodsAsync(
                    filtered.Where(a => a.PublishedDateTime != null).Select(a => PublishedPeriod.Month(a.PublishedDateTime)), NewestMonths, cancellationToken),
                ("year", _) => await PeriodsAsync(
                    filtered.Where(a => a.PublishedDateTime != null).Select(a => PublishedPeriod.Year(a.PublishedDateTime)), int.MaxValue, cancellationToken),
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

    /// <summary>
    /// Counts per period, newest first (what a reader of news scans), at most <paramref name="newest"/>. Undated articles
    /// are left out, as articles without a provider or type are left out of those facets. Keys sort as time does.
    /// </summary>
    private static async Task<IReadOnlyList<FacetValue>> PeriodsAsync(IQueryable<string> periods, int newest, CancellationToken cancellationToken) =>
        (await periods.GroupBy(period => period).Select(g => new FacetCount { Value = g.Key, Count = g.Count() })
            .OrderByDescending(f => f.Value).Take(newest).ToListAsync(cancellationToken))
            .ConvertAll(f => new FacetValue(f.Value, f.Count));

    /// <summary>
    /// Counts per range of <see cref="BucketWidth"/> (<c>0-9</c>, <c>10-19</c>, ...; heat's -1, unknown, has its own
    /// <c>-1</c>), lowest first: the shape a histogram or a range slider wants. Integer division groups in SQL.
    /// </summary>
    private static async Task<IReadOnlyList<FacetValue>> BucketsAsync(IQueryable<int> values, CancellationToken cancellationToken)
    {
        var counts = await values.GroupBy(value => value < 0 ? -1 : value / BucketWidth)
            .Select(g => new { Bucket = g.Key, Count = g.Count() }).OrderBy(b => b.Bucket).ToListAsync(cancellationToken);
        return [.. counts.Select(b => new FacetValue(
            b.Bucket < 0 ? "-1" : $"{b.Bucket * BucketWidth}-{(b.Bucket * BucketWidth) + BucketWidth - 1}", b.Count))];
    }

    // Member-initialised (not a positional record) so EF can order by its members in SQL.
    private sealed class FacetCount
    {
        public required string Value { get; init; }

        public int Count { get; init; }
    }
}
