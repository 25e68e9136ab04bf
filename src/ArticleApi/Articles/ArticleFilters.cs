using ArticleApi.Data;

namespace ArticleApi.Articles;

/// <summary>The WHERE half of an article list: every filter of an <see cref="ArticleQuery"/> as LINQ over <see cref="Article"/>.</summary>
internal static class ArticleFilters
{
    public static IQueryable<Article> Apply(IQueryable<Article> articles, ArticleQuery query, ArticleDbContext context, IFullTextSearch search)
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
            articles = WithTopic(articles, context, requiredTopic);
        }

        if (query.Topics.Count > 0 && query.AllTopics)
        {
            articles = query.Topics.Aggregate(articles, (current, slug) => WithTopic(current, context, slug));
        }
        else if (query.Topics.Count > 0)
        {
            var slugs = query.Topics.ToArray();
            // IN over an uncorrelated subquery: SQLite builds the key set once instead of probing per article.
            articles = articles.Where(a => context.ArticleTopics.Where(t => slugs.Contains(t.Topic!.Slug)).Select(t => t.ArticleKey).Contains(a.Key));
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

        if (query.Search is { } fullText)
        {
            var matches = search.Matches(context, fullText).Select(m => m.Key);
            articles = articles.Where(a => matches.Contains(a.Key));
        }

        return articles;
    }

    private static IQueryable<Article> WithTopic(IQueryable<Article> articles, ArticleDbContext context, string slug) =>
        articles.Where(a => context.ArticleTopics.Where(t => t.Topic!.Slug == slug).Select(t => t.ArticleKey).Contains(a.Key));
}
