using ArticleApi.Changes;
using ArticleApi.Data;
using ArticleApi.Logging;
using ArticleApi.Telemetry;

namespace ArticleApi;

/// <summary>What the web service and the command-line import share: configuration, logging and the database.</summary>
internal static class ArticleApiHost
{
    /// <summary>How long a stop may take before the host gives up on a hosted service; below compose's stop_grace_period.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The root appsettings.json is copied beside the binary: load it from there whatever the working directory.
        // Relative paths in settings (the article folder, the SQLite file) resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddArticleLogging(builder.Configuration);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddArticleDatabase(builder.Configuration);
        // The change log's retention: the importer prunes with it, the feed names it in its 410.
        builder.Services.AddOptions<ChangesOptions>().BindConfiguration(ChangesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddArticleTelemetry();
        return builder;
    }

#pragma warning disable CA1031 // Whatever stops the start (a bad setting, a port in use) ends the process with one clear line.
    /// <summary>
    /// Runs the web service until SIGTERM or Ctrl+C and returns the exit code: 0 after a clean stop, 1 when it cannot
    /// start. A bad setting is reported by name (start-up validation) on standard error, not as a crash with a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync("ArticleApi cannot start: " + exception.Message);
            return 1;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
#pragma warning restore CA1031
}
