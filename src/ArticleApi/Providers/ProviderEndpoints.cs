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
        [AsParameters] ProviderListParameters parameters, ArticleDbContext db, ArticleCounts counts, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var reader = new ParameterReader();
        var q = reader.Text("q", parameters.Q);
        var (limit, after) = RankedPage.Read(reader, parameters.Limit, parameters.Cursor);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var providers = db.Providers.AsQueryable();
        if (q is not null)
        {
            // Case-insensitive for ASCII letters on every engine: SQLite's LIKE already is, PostgreSQL's is not, so both
            // sides are lowered (lower() folds ASCII only under SQLite and the C collation alike). The user's % and _ are
            // escaped so they match themselves.
            var pattern = "%" + AsciiLower(q).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), which ignores .NET cultures.
            providers = providers.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\") || EF.Functions.Like(p.Domain.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        var snapshot = await counts.GetAsync(cancellationToken);
        var rows = (await providers.ToListAsync(cancellationToken))
            .Select(p => (Provider: p, Count: snapshot.Provider(p.Domain)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Provider.Domain, StringComparer.Ordinal);
        var (page, next) = RankedPage.Slice(rows, r => r.Count, r => r.Provider.Domain, limit, after);
        return TypedResults.Ok(new Page<ProviderResponse>(page.ConvertAll(r => ToResponse(r.Provider, r.Count)), PageLinks.Next(httpContext, next)));
    }

    internal static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> GetAsync(string domain, ArticleDbContext db, ArticleCounts counts, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.Where(p => p.Domain == domain).FirstOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            return Problems.NotFound("Provider", "domain", domain);
        }

        var snapshot = await counts.GetAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(provider, snapshot.Provider(domain)));
    }

    internal static Task<Results<Ok<ArticlePage>, ValidationProblem, ProblemHttpResult, RepresentationResult>> ListArticlesAsync(
        string domain, [AsParameters] ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken) =>
        ArticleListHandler.HandleAsync(ArticleScope.OfProvider(domain), parameters, reader, httpContext, cancellationToken);

    private static ProviderResponse ToResponse(Provider provider, int count) =>
        new(provider.Domain, provider.Name, provider.LogoUrl is null ? null : new ImageSummary(provider.LogoUrl, provider.LogoWidth, provider.LogoHeight), count);

    private static string AsciiLower(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });
}
