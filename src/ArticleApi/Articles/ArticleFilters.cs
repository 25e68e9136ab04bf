using ArticleApi.Data;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>The WHERE half of an article list: every filter of an <see cref="ArticleQuery"/> as LINQ over <see cref="Article"/>.</summary>
internal static class ArticleFilters
{
    /// <summary>Above this many articles, a topic filter probes each article in sort order instead of collecting the topic's articles.</summary>
    public const int LargeTopic = 5_000;

    /// <summary>Above this many matches, a search sorted by a column probes each article in sort order (like a large topic).</summary>
    public const int FrequentSearch = 5_000;

    public static IQueryable<Article> Apply(
        IQueryable<Article> articles, ArticleQuery query, ArticleDbContext context, IFullTextSearch search, ArticleCounts.Snapshot? counts = null, bool frequentSearch = false)
    {
        if (query.Published is { } published)
        {
            articles = articles.Where(a => a.Published == published);
        }

        if (query.MinQuality is { } minQuality)
        {
            articles = articles.Where(a => a.Quality >= minQuality);
        }

        if (query.MaxQuality is { } maxQuality)
        {
            articles = articles.Where(a => a.Quality <= maxQuality);
        }

        if (query.MinHeat is { } minHeat)
        {
            articles = articles.Where(a => a.Heat >= minHeat);
        }

        if (query.MaxHeat is { } maxHeat)
        {
            articles = articles.Where(a => a.Heat <= maxHeat);
        }

        if (query.RequiredTopic is { } requiredTopic)
        {
            articles = WithTopics(articles, context, [requiredTopic], counts);
        }

        if (query.Topics.Count > 0 && query.AllTopics)
        {
            articles = query.Topics.Aggregate(articles, (current, slug) => WithTopics(current, context, [slug], counts));
        }
        else if (query.Topics.Count > 0)
        {
            articles = WithTopics(articles, context, [.. query.Topics], counts);
        }

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

        if (query.From is { } from)
        {
            articles = articles.Where(a => a.PublishedDateTime >= from);
        }

        if (query.To is { } to)
        {
            articles = articles.Where(a => a.PublishedDateTime <= to);
        }

        if (query.Type is { } type)
        {
            articles = articles.Where(a => a.Type == type);
        }

        if (query.Category is { } category)
        {
            articles = articles.Where(a => a.Category == category);
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

    /// <summary>
    /// Articles naming any of <paramref name="slugs"/>. The plan depends on how many articles that is: a small topic is
    /// read whole through its index and sorted (IN over an uncorrelated subquery); a large one is found by walking the
    /// sort order and probing each article's topics (a correlated EXISTS), which stops after one page. Either plan on
    /// the wrong side costs up to a hundred times more.
    /// </summary>
    private static IQueryable<Article> WithTopics(IQueryable<Article> articles, ArticleDbContext context, string[] slugs, ArticleCounts.Snapshot? counts)
    {
        if (counts is not null)
        {
            var ids = slugs.Select(slug => counts.TopicIds.GetValueOrDefault(slug, -1)).Where(id => id >= 0).ToArray();
            if (ids.Sum(id => counts.Topic(id)) > LargeTopic)
            {
                return articles.Where(a => context.ArticleTopics.Any(t => t.ArticleKey == a.Key && ids.Contains(t.TopicId)));
            }
        }

        return articles.Where(a => context.ArticleTopics.Where(t => slugs.Contains(t.Topic!.Slug)).Select(t => t.ArticleKey).Contains(a.Key));
    }
}
