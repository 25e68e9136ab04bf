using Microsoft.Extensions.Options;

namespace ArticleApi.Http;

/// <summary>Headers every response carries, whatever produced it (an endpoint, an error page, Swagger, a health probe).</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c>: a browser takes our JSON as JSON, never as a script or a page. With CORS
    /// on, <c>Vary: Origin</c> too, so a shared cache never hands one origin's CORS answer to another.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var cors = app.ApplicationServices.GetRequiredService<IOptions<ApiCorsOptions>>().Value.AllowedOrigins.Length > 0;
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (cors && !headers.Vary.Any(value => value?.Contains("Origin", StringComparison.OrdinalIgnoreCase) == true))
                {
                    headers.Append("Vary", "Origin");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
