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
    /// <summary>
    /// The total and facets of <paramref name="query"/>; <paramref name="page"/> is the page's filter and match set when
    /// the page came from the columns, reused when they are these columns (an import may have moved them since).
    /// </summary>
    public static async Task<FilterCounts> CountAsync(
        ArticleQuery query, ArticleColumnsCache columnsCache, SearchRowsCache searchRows, MatchSet? page, CancellationToken cancellationToken)
    {
        var columns = await columnsCache.GetAsync(cancellationToken);
        if (page is not null && page.Columns == columns)
        {
            return Count(query, page);
        }

        var searchMatches = query.Search is { } fullText ? await searchRows.RowsAsync(columns, fullText, cancellationToken) : null;
        using var matches = new MatchSet(columns, Filter(query, searchMatches), ownsSearchRows: true) { FacetsWanted = query.Facets.Count > 0 };
        return Count(query, matches);
    }

    /// <summary>Whether counting <paramref name="query"/>'s total or facets reads the match set: facets do, and a total no cube gives.</summary>
    public static bool CountsRows(ArticleQuery query, MatchSet matches) =>
        (query.IncludeTotal || query.Facets.Count > 0) && PlainTotal(query, matches) is null;

    private static FilterCounts Count(ArticleQuery query, MatchSet matches)
    {
        if (PlainTotal(query, matches) is var (all, terms))
        {
            return new FilterCounts(all.Count(terms), null);
        }

        var (columns, filter, rows) = (matches.Columns, matches.Filter, matches.Rows);
        return new FilterCounts(rows.Count, query.Facets.Count > 0 ? FacetTally.Count(columns, filter, rows, query.Facets) : null);
    }

    // A total alone of the plain filters (published, quality, heat) needs no matching rows: a few look-ups in the
    // cube of every row give it. The cube and the filter's terms in it, or null.
    private static (ValueCube All, CubeTerms Terms)? PlainTotal(ArticleQuery query, MatchSet matches)
    {
        var columns = matches.Columns;
        return query.Facets.Count == 0 && columns.Counting.All is { } all && CubeTerms.Of(matches.Filter, columns.Quality, columns.Heat) is { } terms
            ? (all, terms) : null;
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
