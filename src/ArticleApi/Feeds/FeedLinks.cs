using ArticleApi.Http;
using Microsoft.Extensions.Options;

namespace ArticleApi.Feeds;

/// <summary>
/// Absolute URLs for a feed, which its formats require (Atom ids and links, RSS links, JSON Feed URLs): under
/// <c>Api:PublicBaseUrl</c> when set, else under the request's scheme and host. The output cache keys on the host, so
/// a feed built for one <c>Host</c> header is never served to a request that named another.
/// </summary>
internal sealed class FeedLinks
{
    private readonly string _origin;

    public FeedLinks(HttpContext context)
    {
        var request = context.Request;
        var configured = context.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl;
        _origin = string.IsNullOrEmpty(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
        Base = _origin + request.PathBase;
        Self = Base + request.Path + request.QueryString;
        var kept = request.Query.Where(pair => !string.Equals(pair.Key, "cursor", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(pair.Key, ResponseFormat.ParameterName, StringComparison.OrdinalIgnoreCase));
        List = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Base + request.Path,
            kept.SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value))));
        Id = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Base + request.Path,
            request.Query.Where(pair => !string.Equals(pair.Key, "cursor", StringComparison.OrdinalIgnoreCase))
                .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value))));
    }

    /// <summary>The public root of the API: the configured base URL, or scheme and host, with the path base.</summary>
    public string Base { get; }

    /// <summary>This page, as requested.</summary>
    public string Self { get; }

    /// <summary>The feed across its pages: the request without <c>cursor</c> (RFC 5005: every page has the same id).</summary>
    public string Id { get; }

    /// <summary>The same list as JSON: the request without <c>cursor</c> and <c>format</c>.</summary>
    public string List { get; }

    /// <summary>The API's own URL of an article, for entry ids and for articles with no link of their own.</summary>
    public string Article(string id) => $"{Base}/articles/{Uri.EscapeDataString(id)}";

    /// <summary>A link the page reader wrote (relative unless a public base URL is set), made absolute.</summary>
    public string Absolute(string link) => new Uri(new Uri(_origin + "/"), link).AbsoluteUri;
}
