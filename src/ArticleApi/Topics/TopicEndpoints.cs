using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Topics;

internal static class TopicEndpoints
{
    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/topics").WithTags("Topics");
        group.MapGet("/", ListAsync)
            .WithName("ListTopics")
            .WithSummary("Topics with their article counts, most used first, paged (limit, cursor).")
            .ProducesValidationProblem();
        group.MapGet("/{slug}", GetAsync)
            .WithName("GetTopic")
            .WithSummary("One topic with its article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{slug}/articles", ListArticlesAsync)
            .WithName("ListTopicArticles")
            .WithSummary("The topic's articles, with the same filters, sorts and paging as /articles.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<Page<TopicResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] TopicListParameters parameters, ArticleDbContext db, ArticleCounts counts, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var reader = new ParameterReader();
        var published = reader.Boolean("published", parameters.Published);
        var (limit, after) = RankedPage.Read(reader, parameters.Limit, parameters.Cursor);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var articleCounts = published is { } flag
            ? await counts.TopicsByPublishedAsync(flag, cancellationToken)
            : (await counts.GetAsync(cancellationToken)).Topics;
        var topics = (await db.Topics.Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync(cancellationToken))
            .Select(t => new TopicResponse(t.Name, t.Slug, articleCounts.GetValueOrDefault(t.Id)))
            .Where(t => t.ArticleCount > 0)
            .OrderByDescending(t => t.ArticleCount).ThenBy(t => t.Slug, StringComparer.Ordinal);
        var (items, next) = RankedPage.Slice(topics, t => t.ArticleCount, t => t.Slug, limit, after);
        return TypedResults.Ok(new Page<TopicResponse>(items, PageLinks.Next(httpContext, next)));
    }

    internal static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> GetAsync(string slug, ArticleDbContext db, ArticleCounts counts, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name, t.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            return Problems.NotFound("Topic", "slug", slug);
        }

        var snapshot = await counts.GetAsync(cancellationToken);
        return TypedResults.Ok(new TopicResponse(topic.Name, topic.Slug, snapshot.Topic(topic.Id)));
    }

    internal static Task<Results<GeneratedJson<ArticlePage>, ValidationProblem, ProblemHttpResult, RepresentationResult>> ListArticlesAsync(
        string slug, [AsParameters] ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken) =>
        ArticleListHandler.HandleAsync(ArticleScope.OfTopic(slug), parameters, reader, httpContext, cancellationToken);
}
