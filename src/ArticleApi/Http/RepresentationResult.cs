namespace ArticleApi.Http;

/// <summary>
/// A 200 whose body is written by <paramref name="write"/> in a <see cref="ResponseFormat"/> other than the JSON of the
/// endpoint's declared type: a feed page or an export. The ETag filter treats it like any other 200; the Swagger
/// document lists the media types through the endpoint's <c>format</c> parameter (Feeds' <c>FormatDocumentation</c>).
/// </summary>
internal sealed class RepresentationResult(ResponseFormat format, Func<HttpContext, Task> write)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => format.MediaType + "; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        return write(httpContext);
    }
}
