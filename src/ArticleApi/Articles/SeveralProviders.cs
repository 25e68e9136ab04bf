namespace ArticleApi.Articles;

/// <summary>
/// A list of several providers (an IN list on the provider's domain) read one provider at a time. No index gives an
/// IN list's rows in sort order, so the engine reads every row of those providers and sorts them (100,000 rows, 0.56 s
/// at 1,000,000 articles); one provider seeks its (ProviderDomain, sort column, Id) index in order. Each provider's page
/// is read as <c>/providers/{domain}/articles</c> reads it, with the same cursor, and the pages are merged in the sort's
/// order (<see cref="PageKeyOrder"/>): the first limit + 1 of the merge are the first limit + 1 of the list, since none
/// of them can lie past its own provider's first limit + 1. Walking the sort index and testing the provider per row
/// was rejected: with any other filter the walk can read the whole table, where the IN list's rows bound this one.
/// </summary>
internal static class SeveralProviders
{
    /// <summary>
    /// Each provider costs a statement or two: past this many a page would cost more in round trips than the sort it
    /// saves on small providers, so longer lists keep the IN list and its sort.
    /// </summary>
    public const int MaxProviders = 20;

    /// <summary>
    /// One query per provider, or null when the list reads through its IN list: one provider (already a seek), too
    /// many, a required provider (a seek too), a relevance sort (ranked by the search, not an index), a rare search
    /// (its matches are read once, not once per provider) or another filter that drives the page through its own index.
    /// </summary>
    public static IReadOnlyList<ArticleQuery>? Split(ArticleQuery query, PlanDriver? driver, bool frequentSearch)
    {
        if (query.Providers.Count is < 2 or > MaxProviders || query.RequiredProvider is not null || driver is not null
            || query.Sort.Field == SortField.Relevance || (query.Search is not null && !frequentSearch))
        {
            return null;
        }

        return [.. query.Providers.Distinct(StringComparer.Ordinal).Select(domain => query with { Providers = [], RequiredProvider = domain })];
    }
}
