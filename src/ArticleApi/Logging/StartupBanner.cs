namespace ArticleApi.Logging;

/// <summary>Once the server listens, says where Swagger UI is: README promises the address is printed.</summary>
internal static partial class StartupBanner
{
    public static WebApplication LogSwaggerAddressOnStart(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ArticleApi");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                // Kestrel reports wildcard bindings as http://[::]:8080; a browser wants a host name.
                var browsable = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
                var swagger = browsable.TrimEnd('/') + "/swagger";
                LogSwaggerAddress(logger, swagger);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swagger UI: {SwaggerUrl}")]
    private static partial void LogSwaggerAddress(ILogger logger, string swaggerUrl);
}
