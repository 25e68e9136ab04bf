using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
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
            .WithSummary("Every topic with its article count, most used first.")
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

    internal static async Task<Results<Ok<TopicList>, ValidationProblem>> ListAsync(
        [AsParameters] TopicListParameters parameters, ArticleDbContext db, CancellationToken cancellationToken)
    {
        var reader = new ParameterReader();
        var published = reader.Boolean("published", parameters.Published);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var links = db.ArticleTopics.AsQueryable();
        if (published is { } value)
        {
            links = links.Where(t => db.Articles.Where(a => a.Published == value).Select(a => a.Key).Contains(t.ArticleKey));
        }

        var counts = links.GroupBy(t => t.TopicId).Select(g => new { TopicId = g.Key, Count = g.Count() });
        var topics = await (from topic in db.Topics
                            join count in counts on topic.Id equals count.TopicId
                            orderby count.Count descending, topic.Slug
                            select new TopicResponse(topic.Name, topic.Slug, count.Count)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new TopicList(topics));
    }

    internal static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> GetAsync(string slug, ArticleDbContext db, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.Where(t => t.Slug == slug)
            .Select(t => new TopicResponse(t.Name, t.Slug, db.ArticleTopics.Count(at => at.TopicId == t.Id)))
            .FirstOrDefaultAsync(cancellationToken);
        return topic is null ? NotFound(slug) : TypedResults.Ok(topic);
    }

    internal static async Task<Results<Ok<ArticlePage>, ValidationProblem, ProblemHttpResult>> ListArticlesAsync(
        string slug, [AsParameters] ArticleListParameters parameters, ArticleDbContext db, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var query = ArticleQuery.Parse(parameters, errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        if (!await db.Topics.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return NotFound(slug);
        }

        return TypedResults.Ok(await reader.ReadAsync(query with { RequiredTopic = slug }, httpContext, cancellationToken));
    }

    private static ProblemHttpResult NotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Topic not found", detail: $"No topic has the slug '{slug}'.");
}
