using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/articles").WithTags("Articles");
        group.MapGet("/", ListAsync)
            .WithName("ListArticles")
            .WithSummary("Articles filtered, searched, sorted and paged by keyset; optional total and facet counts.")
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync)
            .WithName("GetArticle")
            .WithSummary("The whole article: every key of its file, topics, images, related links with their targets, body.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/related", GetRelatedAsync)
            .WithName("GetArticleRelated")
            .WithSummary("The article's related links, in file order, each with articleId when it points at an imported article.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/backlinks", GetBacklinksAsync)
            .WithName("GetArticleBacklinks")
            .WithSummary("The imported articles whose related links point at this article, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ArticlePage>, ValidationProblem>> ListAsync(
        [AsParameters] ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var query = ArticleQuery.Parse(parameters, errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        return TypedResults.Ok(await reader.ReadAsync(query, httpContext, cancellationToken));
    }

    internal static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetAsync(string id, ArticleDetailReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, cancellationToken) is { } article ? TypedResults.Ok(article) : NotFound(id);

    internal static async Task<Results<Ok<RelatedLinkList>, ProblemHttpResult>> GetRelatedAsync(
        string id, ArticleDbContext db, RelatedLinkReader reader, CancellationToken cancellationToken)
    {
        var key = await db.Articles.Where(a => a.Id == id).Select(a => (long?)a.Key).FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return NotFound(id);
        }

        var links = db.RelatedLinks.Where(r => r.ArticleKey == key).OrderBy(r => r.Position);
        return TypedResults.Ok(new RelatedLinkList(await reader.LoadAsync(links, cancellationToken)));
    }

    internal static async Task<Results<Ok<ArticleList>, ProblemHttpResult>> GetBacklinksAsync(
        string id, ArticleDbContext db, ArticleListReader reader, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Where(a => a.Id == id).Select(a => new { a.Link }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound(id);
        }

        if (article.Link is null)
        {
            return TypedResults.Ok(new ArticleList([]));
        }

        // A link shared by several articles resolves to the smallest id only, so only that one has backlinks.
        var owners = await db.Articles.Where(a => a.Link == article.Link).Select(a => a.Id).ToListAsync(cancellationToken);
        if (owners.Min(StringComparer.Ordinal) != id)
        {
            return TypedResults.Ok(new ArticleList([]));
        }

        var sourceKeys = db.RelatedLinks.Where(r => r.WebUrl == article.Link).Select(r => r.ArticleKey);
        var keys = await db.Articles.Where(a => sourceKeys.Contains(a.Key))
            .OrderByDescending(a => a.PublishedDateTime).ThenByDescending(a => a.Id).Select(a => a.Key).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ArticleList(await reader.LoadItemsAsync(keys, null, cancellationToken)));
    }

    internal static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'.");
}
