using ArticleApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ArticleApi.Changes;

/// <summary>
/// <c>GET /changes</c>: what was added, updated and deleted since a token, so a mirror can keep a copy in step without
/// reading the collection again. Without <c>since</c> the feed starts at the oldest change kept; <c>since=latest</c>
/// gives the current position with no changes (take it before reading the collection, then follow it).
/// </summary>
internal static class ChangeEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string TokenSort = "changes";

    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/changes", ListAsync)
            .WithTags("Changes")
            .WithName("ListChanges")
            .WithSummary("Articles added, updated and deleted since a token, in order, for mirrors; 410 when the token is older than the log.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    internal static async Task<Results<Ok<ChangePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ChangeListParameters parameters, ChangeReader changes, IOptions<ChangesOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ParameterReader();
        var limit = errors.Integer("limit", parameters.Limit, 1, MaxLimit) ?? DefaultLimit;
        var latest = parameters.Since == "latest";
        var since = latest ? null : Cursor.Read(errors, parameters.Since, TokenSort, CursorValue.RowId, "since");
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        var (floor, newest) = await changes.BoundsAsync(cancellationToken);
        if (latest)
        {
            return TypedResults.Ok(Page([], newest, more: false, limit));
        }

        var after = since?.Value as long? ?? floor;
        if (after < floor)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Changes no longer kept",
                detail: $"Changes after this token were forgotten (the log keeps {ChangesOptions.Describe(options.Value.Retention)}). "
                    + "Take /changes?since=latest, read the collection again, then follow the token you were given.");
        }

        var (items, last, more) = await changes.ReadAsync(after, limit, cancellationToken);
        return TypedResults.Ok(Page(items, last, more, limit));
    }

    private static ChangePage Page(IReadOnlyList<ChangeResponse> items, long position, bool more, int limit)
    {
        var token = new Cursor(TokenSort, position, "").Encode();
        var next = $"/changes?since={token}" + (limit == DefaultLimit ? "" : $"&limit={limit}");
        return new ChangePage(items, token, next, more);
    }
}
