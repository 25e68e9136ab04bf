using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Providers;

internal static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers").WithTags("Providers");
        group.MapGet("/", ListAsync)
            .WithName("ListProviders")
            .WithSummary("Providers with logo and article count, most articles first, paged (limit, cursor); q searches name and domain.")
            .ProducesValidationProblem();
        group.MapGet("/{domain}", GetAsync)
            .WithName("GetProvider")
            .WithSummary("One provider with logo and article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{domain}/articles", ListArticlesAsync)
            .WithName("ListProviderArticles")
            .WithSummary("The provider's articles, with the same filters, sorts and paging as /articles.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<Page<ProviderResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ProviderListParameters parameters, ProviderDirectory directory, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var reader = new ParameterReader();
        var q = reader.Text("q", parameters.Q);
        var (limit, after) = RankedPage.Read(reader, parameters.Limit, parameters.Cursor);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var listing = await directory.GetAsync(cancellationToken);
        var rows = q is null ? listing.Ranked : listing.Matching(q);
        var (page, next) = RankedPage.Slice(rows, r => r.ArticleCount, r => r.Domain, limit, after);
        return TypedResults.Ok(new Page<ProviderResponse>(page, PageLinks.Next(httpContext, next)));
    }

    internal static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> GetAsync(string domain, ProviderDirectory directory, CancellationToken cancellationToken) =>
        (await directory.GetAsync(cancellationToken)).Find(domain) is { } provider
            ? TypedResults.Ok(provider)
            : Problems.NotFound("Provider", "domain", domain);

    internal static Task<Results<GeneratedJson<ArticlePage>, ValidationProblem, ProblemHttpResult, RepresentationResult>> ListArticlesAsync(
        string domain, [AsParameters] ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken) =>
        ArticleListHandler.HandleAsync(ArticleScope.OfProvider(domain), parameters, reader, httpContext, cancellationToken);
}
