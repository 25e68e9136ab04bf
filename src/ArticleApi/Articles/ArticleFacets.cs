using ArticleApi.Articles.Counting;

namespace ArticleApi.Articles;

/// <summary>
/// The total and the facets of a list: its filters as a <see cref="ColumnFilter"/>, counted over the articles' columns
/// in memory (<see cref="ArticleColumns"/>). A GROUP BY per facet over the filtered rows took seconds at a million
/// articles for a common filter, and no index serves every combination of filters; a pass over the columns takes
/// milliseconds whatever the combination. A search's matches come from the full-text index once (<see cref="SearchRowsCache"/>).
/// </summary>
internal static class ArticleFacets
{
    public static async Task<FilterCounts> CountAsync(
        ArticleQuery query, ArticleColumnsCache columnsCache, SearchRowsCache searchRows, CancellationToken cancellationToken)
    {
        var columns = await columnsCache.GetAsync(cancellationToken);
        using var matches = query.Search is { } fullText ? await searchRows.RowsAsync(columns, fullText, cancellationToken) : null;
        var filter = Filter(query, matches);
        // A total alone of the plain filters (published, quality, heat) needs no matching rows: a few look-ups give it.
        if (query.Facets.Count == 0 && columns.Counting.All is { } all && CubeTerms.Of(filter, columns.Quality, columns.Heat) is { } terms)
        {
            return new FilterCounts(all.Count(terms), null);
        }

        using var rows = FilterMatches.Select(columns, filter);
        return new FilterCounts(rows.Count, query.Facets.Count > 0 ? FacetTally.Count(columns, filter, rows, query.Facets) : null);
    }

    /// <summary>The filters of <paramref name="query"/> (route scope included), without its order or page.</summary>
    public static ColumnFilter Filter(ArticleQuery query, RowSet? searchRows)
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
            SearchRows = searchRows,
        };
    }
}

/// <summary>How many articles match a list's filters, and its facets when asked for.</summary>
internal sealed record FilterCounts(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets);
