using ArticleApi.Data;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// The topic filters of a list (the route's topic, <c>topic=</c> with any or all) in the form its plan needs. A group
/// of slugs matches an article naming any of them; groups combine with AND (each slug of topicMatch=all is a group).
/// A group is either read whole through the ArticleTopics index (IN over an uncorrelated subquery), or probed per
/// article while the page walks another index (a correlated EXISTS), which stops after one page. Either form on the
/// wrong side costs up to a hundred times more.
/// </summary>
internal static class TopicFilters
{
    /// <param name="rowsPerStatement">The rows a statement asks for (a page's limit + 1, an export's batch): with the
    /// number of articles, they tell how large a group is read whole rather than probed (<see cref="PlanCost"/>).</param>
    public static IQueryable<Article> Apply(
        IQueryable<Article> articles, ArticleQuery query, ArticleDbContext context, ArticleCounts.Snapshot? counts, PlanDriver? driver,
        int rowsPerStatement)
    {
        var groups = Groups(query);
        var drivingGroup = driver == PlanDriver.Topic && counts is not null ? groups.MinBy(g => Size(g, counts)) : null;
        foreach (var group in groups)
        {
            // Under another driver every group is a test of its rows; without one, the group's size decides.
            var read = group == drivingGroup
                || (driver is null && (counts is null || ReadsWhole(Size(group, counts), rowsPerStatement, counts.Articles)));
            articles = read ? Read(articles, context, group) : Probe(articles, context, group, counts);
        }

        return articles;
    }

    /// <summary>
    /// Whether a group left to the engine (no driver chosen) is read whole: when small (<see cref="PlanCost.SmallRange"/>)
    /// and cheaper to read than to walk past. A list's lone topic between the two was measured by <see cref="FilterSizes"/>,
    /// which drives by it when reading is cheaper after all.
    /// </summary>
    private static bool ReadsWhole(int size, int rowsPerStatement, long articles) =>
        size <= PlanCost.SmallRange && PlanCost.ReadCostsLess(size, rowsPerStatement, articles);

    public static IReadOnlyList<string[]> Groups(ArticleQuery query)
    {
        var groups = new List<string[]>();
        if (query.RequiredTopic is { } requiredTopic)
        {
            groups.Add([requiredTopic]);
        }

        if (query.Topics.Count > 0 && query.AllTopics)
        {
            groups.AddRange(query.Topics.Select(slug => new[] { slug }));
        }
        else if (query.Topics.Count > 0)
        {
            groups.Add([.. query.Topics]);
        }

        return groups;
    }

    /// <summary>Articles naming any topic of the group (an article names a topic once, so the sum is exact).</summary>
    public static int Size(string[] group, ArticleCounts.Snapshot counts) =>
        group.Distinct(StringComparer.Ordinal).Sum(slug => counts.TopicIds.TryGetValue(slug, out var id) ? counts.Topic(id) : 0);

    public static IQueryable<Article> Read(IQueryable<Article> articles, ArticleDbContext context, string[] group) =>
        articles.Where(a => context.ArticleTopics.Where(t => group.Contains(t.Topic!.Slug)).Select(t => t.ArticleKey).Contains(a.Key));

    public static IQueryable<Article> Probe(IQueryable<Article> articles, ArticleDbContext context, string[] group, ArticleCounts.Snapshot? counts)
    {
        if (counts is null)
        {
            return articles.Where(a => context.ArticleTopics.Any(t => t.ArticleKey == a.Key && group.Contains(t.Topic!.Slug)));
        }

        // Topic ids from the counts: the probe is then one seek into the (ArticleKey, TopicId) key per article.
        var ids = group.Select(slug => counts.TopicIds.GetValueOrDefault(slug, -1)).Where(id => id >= 0).ToArray();
        return articles.Where(a => context.ArticleTopics.Any(t => t.ArticleKey == a.Key && ids.Contains(t.TopicId)));
    }
}
