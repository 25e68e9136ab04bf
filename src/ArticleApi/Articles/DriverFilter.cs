using System.Globalization;
using ArticleApi.Data;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// One filter that could drive a page (<see cref="PlanDriver"/>): its rows through its own index, ordered by that
/// index so a bounded count reads a defined prefix of it; the same filter as a test of each row that no index serves;
/// and a key for remembering its size, or the size itself where it is known without counting.
/// </summary>
internal sealed record DriverFilter(
    PlanDriver Driver, string Key, Func<IQueryable<Article>, IQueryable<Article>> Rows, Func<IQueryable<Article>, IQueryable<Article>> Test,
    int? KnownSize = null)
{
    public static IEnumerable<DriverFilter> Of(ArticleQuery query, ArticleDbContext context, ArticleCounts.Snapshot? counts)
    {
        if (counts is not null && TopicFilters.Groups(query) is { Count: > 0 } groups)
        {
            // The topics read through the smallest group: at most its size, known from the per-version counts.
            var smallest = groups.MinBy(g => TopicFilters.Size(g, counts))!;
            yield return new(PlanDriver.Topic, "topics " + string.Join(" & ", groups.Select(g => string.Join(",", g))),
                articles => groups.Where(g => g != smallest)
                    .Aggregate(TopicFilters.Read(articles, context, smallest), (rows, g) => TopicFilters.Probe(rows, context, g, counts)).OrderBy(a => a.Key),
                articles => groups.Aggregate(articles, (rows, g) => TopicFilters.Probe(rows, context, g, counts)),
                TopicFilters.Size(smallest, counts));
        }

        if (query.MinQuality is not null || query.MaxQuality is not null)
        {
            yield return new(PlanDriver.Quality, string.Create(CultureInfo.InvariantCulture, $"quality {query.MinQuality} {query.MaxQuality}"),
                articles => ArticleFilters.QualityRange(articles, query.MinQuality, query.MaxQuality, indexed: true).OrderBy(a => a.Quality),
                articles => ArticleFilters.QualityRange(articles, query.MinQuality, query.MaxQuality, indexed: false));
        }

        if (query.MinHeat is not null || query.MaxHeat is not null)
        {
            yield return new(PlanDriver.Heat, string.Create(CultureInfo.InvariantCulture, $"heat {query.MinHeat} {query.MaxHeat}"),
                articles => ArticleFilters.HeatRange(articles, query.MinHeat, query.MaxHeat, indexed: true).OrderBy(a => a.Heat),
                articles => ArticleFilters.HeatRange(articles, query.MinHeat, query.MaxHeat, indexed: false));
        }

        if (query.From is not null || query.To is not null)
        {
            yield return new(PlanDriver.Date, string.Create(CultureInfo.InvariantCulture, $"date {query.From?.ToUnixTimeMilliseconds()} {query.To?.ToUnixTimeMilliseconds()}"),
                articles => ArticleFilters.DateRange(articles, query.From, query.To, indexed: true).OrderBy(a => a.PublishedDateTime),
                articles => ArticleFilters.DateRange(articles, query.From, query.To, indexed: false));
        }

        if (query.Published is { } published)
        {
            yield return new(PlanDriver.Published, $"published {published}",
                articles => articles.Where(a => a.Published == published).OrderBy(a => a.Published).ThenBy(a => a.PublishedDateTime),
                articles => articles.Where(a => (a.Published ?? !published) == published));
        }

        if (query.Type is { } type)
        {
            yield return new(PlanDriver.Type, "type " + type,
                articles => articles.Where(a => a.Type == type).OrderBy(a => a.Type).ThenBy(a => a.PublishedDateTime),
                articles => articles.Where(a => (a.Type ?? "") == type));
        }

        if (query.Category is { } category)
        {
            yield return new(PlanDriver.Category, "category " + category,
                articles => articles.Where(a => a.Category == category).OrderBy(a => a.Category).ThenBy(a => a.PublishedDateTime),
                articles => articles.Where(a => (a.Category ?? "") == category));
        }
    }
}
