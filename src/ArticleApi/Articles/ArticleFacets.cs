using ArticleApi.Articles.Counting;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

/// <summary>
/// The total and the facets of a list: its filters as a <see cref="ColumnFilter"/>, counted over the articles' columns
/// in memory (<see cref="ArticleColumns"/>). A GROUP BY per facet over the filtered rows took seconds at a million
/// articles for a common filter, and no index serves every combination of filters; a pass over the columns takes
/// milliseconds whatever the combination. A search still asks the full-text index which articles match.
/// </summary>
internal static class ArticleFacets
{
    public static async Task<FilterCounts> CountAsync(
        ArticleQuery query, ArticleColumnsCache columnsCache, ArticleDbContext context, IFullTextSearch search, CancellationToken cancellationToken)
    {
        var columns = await columnsCache.GetAsync(cancellationToken);
        var searchKeys = query.Search is { } fullText
            ? await search.Matches(context, fullText).Select(m => m.Key).ToListAsync(cancellationToken)
            : null;
        var filter = Filter(query, searchKeys);
        // A total alone of the plain filters (published, quality, heat) needs no matching rows: a few look-ups give it.
        if (query.Facets.Count == 0 && columns.Counting.All is { } all && CubeTerms.Of(filter, columns.Quality, columns.Heat) is { } terms)
        {
            return new FilterCounts(all.Count(terms), null);
        }

        using var rows = FilterMatches.Select(columns, filter);
        return new FilterCounts(rows.Count, query.Facets.Count > 0 ? FacetTally.Count(columns, filter, rows, query.Facets) : null);
    }

    /// <summary>The filters of <paramref name="query"/> (route scope included), without its order or page.</summary>
    public static ColumnFilter Filter(ArticleQuery query, IReadOnlyCollection<long>? searchKeys)
    {
        var providerGroups = new List<string[]>();
        if (query.Providers.Count > 0)
        {
            providerGroups.Add([.. query.Providers]);
        }

        if (query.RequiredProvider is { } requiredProvider)
        {
            providerGroups.Add([requiredProvider]);
        }

        return new ColumnFilter
        {
            Published = query.Published,
            MinQuality = query.MinQuality,
            MaxQuality = query.MaxQuality,
            MinHeat = query.MinHeat,
            MaxHeat = query.MaxHeat,
            TopicGroups = TopicFilters.Groups(query),
            ExcludedTopics = query.ExcludedTopics,
            ProviderGroups = providerGroups,
            ExcludedProviders = query.ExcludedProviders,
            From = query.From,
            To = query.To,
            Type = query.Type,
            Category = query.Category,
            SearchKeys = searchKeys,
        };
    }
}

/// <summary>How many articles match a list's filters, and its facets when asked for.</summary>
internal sealed record FilterCounts(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets);
