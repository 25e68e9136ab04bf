using Microsoft.AspNetCore.WebUtilities;

namespace ArticleApi.Http;

/// <summary>Builds the absolute <c>next</c> URL of a page and its <c>Link</c> header.</summary>
internal static class PageLinks
{
    /// <summary>The request's own URL with <c>cursor</c> replaced, so every filter carries over to the next page.</summary>
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
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        context.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
        return url;
    }
}
