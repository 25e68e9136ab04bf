using ArticleApi.Data;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>The WHERE half of an article list: every filter of an <see cref="ArticleQuery"/> as LINQ over <see cref="Article"/>.</summary>
internal static class ArticleFilters
{
    /// <summary>Above this many matches, a search sorted by a column probes each article in sort order (like a large topic).</summary>
    public const int FrequentSearch = 5_000;

    public static IQueryable<Article> Apply(
        IQueryable<Article> articles, ArticleQuery query, ArticleDbContext context, IFullTextSearch search, ArticleCounts.Snapshot? counts = null,
        bool frequentSearch = false, PlanDriver? driver = null, int? rowsPerStatement = null)
    {
        // Published, type and category hold a handful of values each, so a common value narrows little: unless their
        // index also gives the sort order (each leads an index followed by the date), the page walks the sort's own
        // index and tests them per row. SQLite's statistics know only an average per value, and with them it read a
        // third of the articles through the Published index and sorted them; COALESCE makes the test one no index can
        // serve. A rare value, or a small range, drives the page instead (FilterSizes): then nothing else may.
        var byDate = query.Sort.Field == SortField.PublishedDateTime && driver is null;
        bool Indexed(PlanDriver filter) => driver == filter || (filter.IsServedBy(query.Sort.Field) && driver is null)
            || (byDate && filter is PlanDriver.Published or PlanDriver.Type or PlanDriver.Category);
        if (query.Published is { } published)
        {
            articles = Indexed(PlanDriver.Published) ? articles.Where(a => a.Published == published) : articles.Where(a => (a.Published ?? !published) == published);
        }

        articles = QualityRange(articles, query.MinQuality, query.MaxQuality, Indexed(PlanDriver.Quality));
        articles = HeatRange(articles, query.MinHeat, query.MaxHeat, Indexed(PlanDriver.Heat));

        articles = TopicFilters.Apply(articles, query, context, counts, driver, rowsPerStatement ?? query.Limit + 1);

        if (query.Providers.Count > 0)
        {
            var domains = query.Providers.ToArray();
            articles = articles.Where(a => domains.Contains(a.ProviderDomain));
        }

        if (query.RequiredProvider is { } requiredProvider)
        {
            articles = articles.Where(a => a.ProviderDomain == requiredProvider);
        }

        if (query.ExcludedProviders.Count > 0)
        {
            // An article without a provider is of no excluded domain: it stays.
            var excluded = query.ExcludedProviders.ToArray();
            articles = articles.Where(a => a.ProviderDomain == null || !excluded.Contains(a.ProviderDomain));
        }

        if (query.ExcludedTopics.Count > 0)
        {
            var excluded = query.ExcludedTopics.ToArray();
            articles = articles.Where(a => !context.ArticleTopics.Any(t => t.ArticleKey == a.Key && excluded.Contains(t.Topic!.Slug)));
        }

        articles = DateRange(articles, query.From, query.To, Indexed(PlanDriver.Date));

        if (query.Type is { } type)
        {
            articles = Indexed(PlanDriver.Type) ? articles.Where(a => a.Type == type) : articles.Where(a => (a.Type ?? "") == type);
        }

        if (query.Category is { } category)
        {
            articles = Indexed(PlanDriver.Category) ? articles.Where(a => a.Category == category) : articles.Where(a => (a.Category ?? "") == category);
        }

        if (query.Search is { } fullText && frequentSearch)
        {
            // Many matches: walk the sort order and ask the full-text index about each article (EXISTS ... rowid = ?),
            // stopping after a page, instead of collecting and sorting every match.
            articles = articles.Where(a => search.Matches(context, fullText).Any(m => m.Key == a.Key));
        }
        else if (query.Search is { } rareText)
        {
            var matches = search.Matches(context, rareText).Select(m => m.Key);
            articles = articles.Where(a => matches.Contains(a.Key));
        }

        return articles;
    }

    // Unindexed forms: COALESCE hides the column from every index (SQLite and PostgreSQL) and maps NULL to a value
    // outside the range, so a missing value never matches, as with the plain comparison.
    internal static IQueryable<Article> QualityRange(IQueryable<Article> articles, int? min, int? max, bool indexed)
    {
        if (min is { } low)
        {
            articles = indexed ? articles.Where(a => a.Quality >= low) : articles.Where(a => (a.Quality ?? int.MinValue) >= low);
        }

        if (max is { } high)
        {
            articles = indexed ? articles.Where(a => a.Quality <= high) : articles.Where(a => (a.Quality ?? int.MaxValue) <= high);
        }

        return articles;
    }

    internal static IQueryable<Article> HeatRange(IQueryable<Article> articles, int? min, int? max, bool indexed)
    {
        if (min is { } low)
        {
            articles = indexed ? articles.Where(a => a.Heat >= low) : articles.Where(a => (a.Heat ?? int.MinValue) >= low);
        }

        if (max is { } high)
        {
            articles = indexed ? articles.Where(a => a.Heat <= high) : articles.Where(a => (a.Heat ?? int.MaxValue) <= high);
        }

        return articles;
    }

    internal static IQueryable<Article> DateRange(IQueryable<Article> articles, DateTimeOffset? from, DateTimeOffset? to, bool indexed)
    {
        if (from is { } start)
        {
            articles = indexed
                ? articles.Where(a => a.PublishedDateTime >= start)
                : articles.Where(a => (a.PublishedDateTime ?? DateTimeOffset.MinValue) >= start);
        }

        if (to is { } end)
        {
            articles = indexed
                ? articles.Where(a => a.PublishedDateTime <= end)
                : articles.Where(a => (a.PublishedDateTime ?? DateTimeOffset.MaxValue) <= end);
        }

        return articles;
    }
}
