using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ArticleApi.Articles;

internal static class RelatedEndpoints
{
    private const string SortName = "id";

    public static IEndpointRouteBuilder MapRelatedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/related").WithTags("Related");
        group.MapGet("/", ListAsync)
            .WithName("ListRelatedLinks")
            .WithSummary("Related links across all articles, filtered by the target's provider domain or exact URL, paged by keyset.")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<Page<RelatedLinkResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] RelatedListParameters parameters, ArticleDbContext db, RelatedLinkReader reader, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var domain = errors.Text("domain", parameters.Domain);
        var url = errors.Text("url", parameters.Url);
        var limit = errors.Integer("limit", parameters.Limit, 1, ArticleQuery.MaxLimit) ?? ArticleQuery.DefaultLimit;
        var after = Cursor.Read(errors, parameters.Cursor, SortName, CursorValue.RowId)?.Value as long? ?? 0;
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        var links = db.RelatedLinks.Where(r => r.Id > after);
        if (domain is not null)
        {
            links = links.Where(r => r.ProviderDomain == domain);
        }

        if (url is not null)
        {
            links = links.Where(r => r.WebUrl == url);
        }

        var items = await reader.LoadAsync(links.OrderBy(r => r.Id).Take(limit + 1), cancellationToken);
        Cursor? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = new Cursor(SortName, items[^1].Id, "");
        }

        return TypedResults.Ok(new Page<RelatedLinkResponse>(items, PageLinks.Next(httpContext, next)));
    }
}
