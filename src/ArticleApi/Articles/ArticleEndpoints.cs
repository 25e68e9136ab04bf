using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
            .WithSummary("The whole article: every key of its file, topics, images, related links with their targets, body; or the fields asked for.")
            .ProducesValidationProblem()
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

    internal static Task<Results<GeneratedJson<ArticlePage>, ValidationProblem, ProblemHttpResult, RepresentationResult>> ListAsync(
        [AsParameters] ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken) =>
        ArticleListHandler.HandleAsync(ArticleScope.All, parameters, reader, httpContext, cancellationToken);

    internal static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult, ValidationProblem, RepresentationResult>> GetAsync(
        string id, [FromQuery(Name = FieldSelection.ParameterName)] string[]? fields, ArticleDetailReader reader, CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var selection = FieldSelection.Read(errors, fields, ArticleFields.Detail);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        if (await reader.ReadAsync(id, cancellationToken) is not { } article)
        {
            return NotFound(id);
        }

        return selection is null ? TypedResults.Ok(article) : selection.Json(article, ofItems: false);
    }

    internal static async Task<Results<Ok<ItemList<RelatedLinkResponse>>, ProblemHttpResult>> GetRelatedAsync(
        string id, ArticleDbContext db, RelatedLinkReader reader, CancellationToken cancellationToken)
    {
        var key = await db.Articles.Where(a => a.Id == id).Select(a => (long?)a.Key).FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return NotFound(id);
        }

        var links = db.RelatedLinks.Where(r => r.ArticleKey == key).OrderBy(r => r.Position);
        return TypedResults.Ok(new ItemList<RelatedLinkResponse>(await reader.LoadAsync(links, cancellationToken)));
    }

    internal static async Task<Results<GeneratedJson<ItemList<ArticleListItem>>, ProblemHttpResult>> GetBacklinksAsync(
        string id, ArticleListReader reader, CancellationToken cancellationToken)
    {
        // One prepared statement finds the article and the keys of its backlinks (LookupStatements.Backlinks), one more reads their rows.
        if (await reader.BacklinkKeysAsync(id, cancellationToken) is not { } keys)
        {
            return NotFound(id);
        }

        var list = new ItemList<ArticleListItem>(await reader.LoadWrittenItemsAsync(keys, null, cancellationToken));
        return new GeneratedJson<ItemList<ArticleListItem>>(list, RenderedPageJson.For(list));
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("Article", "id", id);
}
