using ArticleApi.Data;
using Serilog;

namespace ArticleApi;

/// <summary>What the web service and the command-line import share: configuration, logging and the database.</summary>
internal static class ArticleApiHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The root appsettings.json is copied beside the binary: load it from there whatever the working directory.
        // Relative paths in settings (the article folder, the SQLite file) resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddArticleDatabase(builder.Configuration);
        return builder;
    }
}
