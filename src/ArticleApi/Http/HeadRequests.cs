namespace ArticleApi.Http;

/// <summary>
/// HEAD on every GET route (RFC 9110 9.3.2: the same status and headers as GET, no body). Minimal APIs map GET only,
/// so link checkers, caches and <c>curl -I</c> got 405. The request runs as a GET (same ETag, 304, cache entry and
/// validation answers) into a body that goes nowhere; its method is HEAD again before the response starts, so the
/// server frames the answer as a HEAD response and the request log says HEAD.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        context.Response.OnStarting(() =>
        {
            context.Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    });
}
