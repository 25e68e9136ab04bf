using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ArticleApi.Articles;

/// <summary>
/// The one handler behind every article list route: validate the query string (400 naming each bad parameter), check
/// the scope exists (404), then read the page (with only the <c>fields</c> asked for), or hand a feed or export to the
/// <see cref="IArticleListWriter"/>.
/// </summary>
internal static class ArticleListHandler
{
    public static async Task<Results<GeneratedJson<ArticlePage>, ValidationProblem, ProblemHttpResult, RepresentationResult>> HandleAsync(
        ArticleScope scope, ArticleListParameters parameters, ArticleListReader reader, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var bodyIndexed = httpContext.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value.IndexBody;
        var query = ArticleQuery.Parse(parameters, errors, bodyIndexed);
        var format = ResponseFormat.Read(errors, parameters.Format, httpContext);
        var fields = ArticleFields.ReadList(errors, parameters.Fields, format);
        if (query is null || format is null || errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        if (await reader.FindMissingAsync(scope, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (format != ResponseFormat.Json)
        {
            return await httpContext.RequestServices.GetRequiredService<IArticleListWriter>()
                .WriteAsync(scope, scope.Narrow(query), format, fields, httpContext, cancellationToken);
        }

        var page = await reader.ReadAsync(scope.Narrow(query), httpContext, written: fields is null, cancellationToken);
        return fields is null ? new GeneratedJson<ArticlePage>(page, RenderedPageJson.For(page)) : fields.Json(page, ofItems: true);
    }
}
