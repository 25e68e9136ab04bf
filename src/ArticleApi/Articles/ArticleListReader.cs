using ArticleApi.Articles.Counting;
using ArticleApi.Articles.Snippets;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using ArticleApi.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Articles;

/// <summary>
/// Runs an article list: page keys (from the columns in memory, <see cref="ColumnPages"/>; else one statement, two when
/// the page crosses from dated into undated rows), the rows of the page with their topics in one query (their bodies in one more when a search looks there, for the
/// snippets, <see cref="SearchSnippet"/>), then the total and the facets
/// when asked for (<see cref="ArticleFacets"/>). A fixed number of statements whatever the page size; no per-row queries.
/// </summary>
internal sealed class ArticleListReader(
    ArticleDbContext context, IFullTextSearch search, ArticleCounts counts, SearchFrequency searchFrequency, FilterSizes filterSizes, FilterResults filterResults, ArticleColumnsCache columns,
    SearchRowsCache searchRows, SearchMetrics searchMetrics, ArticleRowStatements statements, LookupStatements lookups, ScopeExistence existence, ISqlDialect dialect,
    TimedReads reads, RenderedItems renderedItems, IOptions<ListOptions> options)
{
    /// <summary>
    /// The page of <paramref name="query"/>. <paramref name="written"/>: the page is only written as JSON as it is (no
    /// <c>fields</c>, not a feed), so its items may be the JSON kept for them (<see cref="RenderedItems"/>).
    /// </summary>
    public async Task<ArticlePage> ReadAsync(ArticleQuery query, HttpContext httpContext, bool written, CancellationToken cancellationToken)
    {
        // The same filters give the same total and facets whatever the page: counted once per data version.
        var countsKey = query.IncludeTotal || query.Facets.Count > 0 ? $"counts {string.Join(',', query.Facets)} {FilterResults.FilterKey(httpContext.Request)}" : null;
        var kept = countsKey is null ? null : await filterResults.KeptAsync<FilterCounts>(countsKey, cancellationToken);
        var fromColumns = await ReadFromColumnsAsync(query, countsKey is not null && kept is null, written, cancellationToken);
        // The page's filter and its match set, built at most once, by the page or by the counts below.
        using var matches = fromColumns?.Matches;
        var (items, next) = fromColumns is { } page ? (page.Items, page.Next) : await ReadFromSqlAsync(query, written, cancellationToken);
        var counted = countsKey is null ? null
            : kept ?? await filterResults.GetAsync(countsKey, () => ArticleFacets.CountAsync(query, columns, searchRows, matches, cancellationToken), cancellationToken);
        return new ArticlePage(items, PageLinks.Next(httpContext, next), query.IncludeTotal ? counted?.Total : null, counted?.Facets);
    }

    /// <summary>
    /// The page from the columns in memory (<see cref="ColumnPages"/>), or null when SQL reads it: a search by
    /// relevance or whose rows are not kept yet, the columns off or not read yet, a cursor whose article is gone, or a
    /// row of the page deleted since the columns were read (an import between the two; SQL then reads the page as the
    /// database has it now). <paramref name="counting"/>: the request's total or facets are still to be counted (not
    /// remembered from an earlier page), so their match set may serve the page too (<see cref="MatchSet.RowsWanted"/>).
    /// </summary>
    private async Task<(IReadOnlyList<ArticleListItem> Items, Cursor? Next, MatchSet Matches)?> ReadFromColumnsAsync(
        ArticleQuery query, bool counting, bool written, CancellationToken cancellationToken)
    {
        var mode = options.Value.PagesFromColumns;
        if (mode == ColumnPagesMode.Off || !ColumnPages.Serves(query)
            || (mode == ColumnPagesMode.Wait ? await columns.GetAsync(cancellationToken) : await columns.GetIfReadAsync(cancellationToken)) is not { } read)
        {
            return null;
        }

        var searchMatches = query.Search is not { } fullText ? null
            : mode == ColumnPagesMode.Wait ? await searchRows.RowsAsync(read, fullText, cancellationToken)
            : searchRows.KeptOrCollectLater(read, fullText);
        if (query.Search is not null && searchMatches is null)
        {
            return null;
        }

        // Handed to the caller with the page; disposed here when the page comes from SQL after all.
        var matches = new MatchSet(read, ArticleFacets.Filter(query, searchMatches), ownsSearchRows: true);
        matches.RowsWanted = counting && ArticleFacets.CountsRows(query, matches);
        matches.FacetsWanted = counting && query.Facets.Count > 0;
        MatchSet? owned = matches;
        try
        {
            if (await PageFromColumnsAsync(query, matches, written, cancellationToken) is not { } page)
            {
                return null;
            }

            owned = null; // the caller's now
            return (page.Items, page.Next, matches);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private async Task<(IReadOnlyList<ArticleListItem> Items, Cursor? Next)?> PageFromColumnsAsync(
        ArticleQuery query, MatchSet matches, bool written, CancellationToken cancellationToken)
    {
        long? cursorKey = null;
        if (query.Cursor is { } cursor && (cursorKey = await KeyOfIdAsync(cursor.Id, cancellationToken)) is null)
        {
            return null;
        }

        if (ColumnPages.ReadKeys(query, matches, cursorKey) is not { } keys)
        {
            return null;
        }

        var more = keys.Count > query.Limit;
        var page = keys.Take(query.Limit).ToList();
        var items = await LoadPageItemsAsync([.. page.Select(k => k.Key)], query, written, cancellationToken);
        if (items.Count < page.Count)
        {
            return null;
        }

        if (query.Search is not null)
        {
            searchMetrics.Searched(SearchPlan.Columns);
        }

        return (items, more ? new Cursor(query.Sort.Name, page[^1].SortValue, RenderedItemList.IdAt(items, items.Count - 1)) : null);
    }

    /// <summary>The page through the database's indexes: the page keys, then the page's rows.</summary>
    private async Task<(IReadOnlyList<ArticleListItem> Items, Cursor? Next)> ReadFromSqlAsync(ArticleQuery query, bool written, CancellationToken cancellationToken)
    {
        // Topic sizes choose the plan of a topic filter; they are counted once per data version.
        var topicSizes = query.Topics.Count > 0 || query.RequiredTopic is not null ? await counts.GetAsync(cancellationToken) : null;
        // A frequent search walks the sort index and tests each article; a rare one collects its matches (SearchFrequency).
        var frequentSearch = query.Search is not null && query.Sort.Name != "relevance"
            && await searchFrequency.IsFrequentAsync(context, query.Search, cancellationToken);
        if (query.Search is not null)
        {
            searchMetrics.Searched(query.Sort.Name == "relevance" ? SearchPlan.Relevance : frequentSearch ? SearchPlan.Frequent : SearchPlan.Rare);
        }

        // A small or rare filter is read through its own index and sorted; a common one is tested per row.
        var driver = await filterSizes.ChooseDriverAsync(context, query, topicSizes, cancellationToken);
        var sortHasNulls = await filterSizes.HasNullsAsync(context, query.Sort.Field, cancellationToken);
        List<PageKey> keys;
        if (SeveralProviders.Split(query, driver, frequentSearch) is { } perProvider)
        {
            // Each provider's page in its own index order, merged in the list's order (SeveralProviders).
            var candidates = new List<PageKey>();
            foreach (var one in perProvider)
            {
                candidates.AddRange(await ReadKeysAsync(one, topicSizes, frequentSearch, driver, sortHasNulls, cancellationToken));
            }

            keys = [.. candidates.Order(new PageKeyOrder(query.Sort)).Take(query.Limit + 1)];
        }
        else
        {
            keys = await ReadKeysAsync(query, topicSizes, frequentSearch, driver, sortHasNulls, cancellationToken);
        }

        Cursor? next = null;
        if (keys.Count > query.Limit)
        {
            keys.RemoveAt(query.Limit);
            next = new Cursor(query.Sort.Name, keys[^1].SortValue, keys[^1].Id);
        }

        return (await LoadPageItemsAsync([.. keys.Select(k => k.Key)], query, written, cancellationToken), next);
    }

    /// <summary>The first limit + 1 page keys of <paramref name="query"/>: each segment's statement until the page is full.</summary>
    private async Task<List<PageKey>> ReadKeysAsync(
        ArticleQuery query, ArticleCounts.Snapshot? topicSizes, bool frequentSearch, PlanDriver? driver, bool sortHasNulls, CancellationToken cancellationToken)
    {
        var filtered = ArticleFilters.Apply(context.Articles, query, context, search, topicSizes, frequentSearch, driver);
        var keys = new List<PageKey>();
        var readKey = PageKey.Reader(query.Sort.Field);
        foreach (var segment in ArticleKeyset.Segments(filtered, query, context, search, driver, sortHasNulls))
        {
            keys.AddRange(await reads.QueryAsync(context, segment.Take(query.Limit + 1 - keys.Count), readKey, cancellationToken));
            if (keys.Count > query.Limit)
            {
                break;
            }
        }

        return keys;
    }

    /// <summary>Null when the scope's topic or provider exists, else its 404 (<see cref="ArticleScope.FindMissingAsync"/>).</summary>
    public Task<ProblemHttpResult?> FindMissingAsync(ArticleScope scope, CancellationToken cancellationToken) =>
        scope.FindMissingAsync(context, reads, lookups, existence, cancellationToken);

    /// <summary>The key of the article with this id, or null when there is none.</summary>
    public async Task<long?> KeyOfIdAsync(string id, CancellationToken cancellationToken) =>
        (await reads.QueryAsync(context, lookups.KeyOfId(context.Model), id, row => (long?)row.Long("Key"), cancellationToken)).FirstOrDefault();

    /// <summary>
    /// The keys of the articles whose related links point at the article with this id, newest first; null when no
    /// article has the id (<see cref="LookupStatements.Backlinks"/>).
    /// </summary>
    public async Task<List<long>?> BacklinkKeysAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await reads.QueryAsync(context, lookups.Backlinks(context.Model), id, row => row.NullableLong("Key"), cancellationToken);
        return rows.Count == 0 ? null : [.. rows.OfType<long>()];
    }

    /// <summary>List items for <paramref name="keys"/>, in that order: one statement for the rows with their topics and first images.</summary>
    public async Task<List<ArticleListItem>> LoadItemsAsync(IReadOnlyList<long> keys, FullTextQuery? fullText, CancellationToken cancellationToken) =>
        [.. (await LoadKeyedItemsAsync(keys, fullText, cancellationToken)).Select(row => row.Item)];

    /// <summary>
    /// List items for <paramref name="keys"/> as <see cref="LoadItemsAsync"/> reads them, or, without a search (whose
    /// snippets belong to the request), as the JSON kept for them in this data version (<see cref="RenderedItems"/>):
    /// for a page only written as JSON, never read item by item.
    /// </summary>
    public async Task<IReadOnlyList<ArticleListItem>> LoadWrittenItemsAsync(IReadOnlyList<long> keys, FullTextQuery? fullText, CancellationToken cancellationToken) =>
        fullText is not null ? await LoadItemsAsync(keys, fullText, cancellationToken)
            : await renderedItems.GetAsync(keys, missing => LoadKeyedItemsAsync(missing, null, cancellationToken), cancellationToken);

    // A page's items, read as objects or kept as JSON (only when the page is written as JSON as it is).
    private async Task<IReadOnlyList<ArticleListItem>> LoadPageItemsAsync(IReadOnlyList<long> keys, ArticleQuery query, bool written, CancellationToken cancellationToken) =>
        written ? await LoadWrittenItemsAsync(keys, query.Search, cancellationToken) : await LoadItemsAsync(keys, query.Search, cancellationToken);

    // The items with their keys: rows deleted since the keys were found are left out.
    private async Task<List<(long Key, ArticleListItem Item)>> LoadKeyedItemsAsync(IReadOnlyList<long> keys, FullTextQuery? fullText, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = (await reads.QueryAsync(context, statements.Items(context.Model), dialect.KeyList(keys), ArticleItemRow.Read, cancellationToken))
            .ToDictionary(a => a.Key);

        // Snippets come from the rows read here (and their bodies when the search looks there): see SearchSnippet.
        var terms = fullText is null ? null : new SnippetTerms(fullText);
        var bodies = fullText is null || !fullText.Fields.HasFlag(SearchFields.Body) ? null
            : (await reads.QueryAsync(context, statements.Bodies(context.Model), dialect.KeyList(keys), row => (Key: row.Long("Key"), Body: row.NullableText("Body")), cancellationToken))
                .ToDictionary(row => row.Key, row => row.Body);

        return [.. keys.Where(rows.ContainsKey).Select(key =>
        {
            var a = rows[key];
            var provider = a.ProviderName is null && a.ProviderDomain is null ? null : new ProviderSummary(a.ProviderName, a.ProviderDomain);
            return (key, new ArticleListItem(a.Id, a.SourcePath, a.Title, a.Excerpt, ArticleDetailReader.Instant(a.PublishedDateTime), a.WebUrl, a.Type,
                a.Category, a.Quality, a.Heat, a.Published, provider, ArticleJsonColumns.Topics(a.Topics), ArticleJsonColumns.FirstImage(a.FirstImage),
                terms is null ? null : SearchSnippet.Build(terms, fullText!.Fields, a.Title, a.Excerpt, bodies?.GetValueOrDefault(key))));
        })];
    }
}
