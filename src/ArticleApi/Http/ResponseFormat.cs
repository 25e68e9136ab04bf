using Microsoft.Net.Http.Headers;

namespace ArticleApi.Http;

/// <summary>
/// The representations of an article list: its JSON page (the default), the same page as a feed (Atom, RSS 2.0,
/// JSON Feed 1.1), or the whole result as an export (NDJSON, CSV). Asked for with the <c>format</c> query parameter,
/// which wins, or with the <c>Accept</c> header. A request that names only types we do not serve (a browser's
/// <c>text/html</c>) gets JSON, as it always did, rather than a 406.
/// </summary>
internal sealed record ResponseFormat(string Name, string MediaType, bool IsExport)
{
    public const string ParameterName = "format";

    public static readonly ResponseFormat Json = new("json", "application/json", IsExport: false);
    public static readonly ResponseFormat Atom = new("atom", "application/atom+xml", IsExport: false);
    public static readonly ResponseFormat Rss = new("rss", "application/rss+xml", IsExport: false);
    public static readonly ResponseFormat JsonFeed = new("jsonfeed", "application/feed+json", IsExport: false);
    public static readonly ResponseFormat Ndjson = new("ndjson", "application/x-ndjson", IsExport: true);
    public static readonly ResponseFormat Csv = new("csv", "text/csv", IsExport: true);

    public static readonly IReadOnlyList<ResponseFormat> All = [Json, Atom, Rss, JsonFeed, Ndjson, Csv];

    public static readonly IReadOnlyList<string> Names = [.. All.Select(f => f.Name)];

    /// <summary>The media types beside JSON, for the Swagger document and the compression of responses.</summary>
    public static readonly IReadOnlyList<string> OtherMediaTypes = [.. All.Where(f => f != Json).Select(f => f.MediaType)];

    /// <summary>
    /// What the request asks for, without judging it: <c>format</c> when it names a format, else the most preferred
    /// media type of <c>Accept</c> that we serve (ties in the header's order; <c>*/*</c> and <c>application/*</c> mean
    /// JSON), else JSON. The ETag and the response cache key use it, so they differ exactly where the body does.
    /// </summary>
    public static ResponseFormat Of(HttpRequest request)
    {
        if (All.FirstOrDefault(f => f.Name == request.Query[ParameterName]) is { } named)
        {
            return named;
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return Json;
        }

        foreach (var type in accepted.Where(t => t.Quality is not 0).OrderByDescending(t => t.Quality ?? 1))
        {
            if (type.MatchesAllTypes || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }

            if (All.FirstOrDefault(f => type.MediaType.Equals(f.MediaType, StringComparison.OrdinalIgnoreCase)) is { } format)
            {
                return format;
            }
        }

        return Json;
    }

    /// <summary>
    /// Checks <c>format</c> (a 400 naming it for an unknown value, through <paramref name="reader"/>) and answers the
    /// format to write. The response says <c>Vary: Accept</c>, so a shared cache keeps each representation apart.
    /// </summary>
    public static ResponseFormat? Read(ParameterReader reader, string? format, HttpContext context)
    {
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        return format is null || reader.OneOf(ParameterName, format, Names) is not null ? Of(context.Request) : null;
    }
}
