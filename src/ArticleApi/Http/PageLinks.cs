using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ArticleApi.Http;

/// <summary>Builds the <c>next</c> URL of a page and its <c>Link</c> header.</summary>
internal static class PageLinks
{
    /// <summary>
    /// The request's own path and query with <c>cursor</c> replaced, so every filter carries over to the next page:
    /// relative, or under <see cref="PublicUrlOptions.PublicBaseUrl"/> when set, never built from the Host header.
    /// </summary>
    public static string? Next(HttpContext context, Cursor? next)
    {
        if (next is null)
        {
            return null;
        }

        var request = context.Request;
        var query = request.Query
            .Where(pair => !string.Equals(pair.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)))
            .Append(KeyValuePair.Create("cursor", (string?)next.Encode()));
        var url = QueryHelpers.AddQueryString(Base(context) + request.PathBase + request.Path, query);
        context.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
        return url;
    }

    private static string Base(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl?.TrimEnd('/') ?? "";
}
