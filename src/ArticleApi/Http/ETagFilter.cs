using System.Security.Cryptography;
using System.Text;
using ArticleApi.Data;
using Microsoft.Net.Http.Headers;

namespace ArticleApi.Http;

/// <summary>
/// Conditional GETs for every read endpoint, in one place. The ETag is the data version (which moves only when an
/// import changed something) plus a hash of the path and query, so a revalidation costs one cached integer read
/// instead of the query. Weak, because compression gives one representation several byte forms.
/// </summary>
internal sealed class ETagFilter(DataVersion dataVersion) : IEndpointFilter
{
    // Caches may keep a response but must ask again each time: the answer is a cheap 304 until an import lands,
    // and a client never sees data older than the database it asks.
    public const string CacheControl = "public, max-age=0, must-revalidate";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var request = httpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return await next(context);
        }

        var version = await dataVersion.GetAsync(httpContext.RequestAborted);
        // A feed chosen by Accept has the URL of its JSON page: the format is part of what the tag names.
        var format = ResponseFormat.Of(request);
        var representation = format == ResponseFormat.Json ? "" : " " + format.Name;
        var etag = new EntityTagHeaderValue($"\"v{version}-{Hash(request.Path + request.QueryString + representation)}\"", isWeak: true);
        if (request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            SetHeaders(httpContext.Response, etag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            SetHeaders(httpContext.Response, etag);
        }

        return result;
    }

    private static void SetHeaders(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
    }

    private static string Hash(string pathAndQuery) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pathAndQuery)).AsSpan(0, 8));
}
