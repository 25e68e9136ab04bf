using ArticleApi.Data;

namespace ArticleApi.Logging;

/// <summary>
/// Once the server listens, says where Swagger UI is (README promises the address is printed) and which database it
/// uses, so a newcomer knows which file to delete or inspect.
/// </summary>
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

            var database = DatabaseLocation.Describe(app.Configuration);
            LogDatabase(logger, database);
        });
        return app;
    }

    /// <summary>The database line alone, for the command-line import.</summary>
    public static void LogDatabase(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ArticleApi");
        var database = DatabaseLocation.Describe(app.Configuration);
        LogDatabase(logger, database);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swagger UI: {SwaggerUrl}")]
    private static partial void LogSwaggerAddress(ILogger logger, string swaggerUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Database}")]
    private static partial void LogDatabase(ILogger logger, string database);
}
