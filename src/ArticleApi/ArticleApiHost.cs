using ArticleApi.Changes;
using ArticleApi.Data;
using ArticleApi.Logging;
using ArticleApi.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ArticleApi;

/// <summary>What the web service and the command-line import share: configuration, logging and the database.</summary>
internal static class ArticleApiHost
{
    /// <summary>How long a stop may take before the host gives up on a hosted service; below compose's stop_grace_period.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What to do when the port is taken (README's "Two commands on a fresh machine" says the same).</summary>
    public const string PortInUseHint = "Another process listens there: choose another port with --urls http://localhost:5001 (or the ASPNETCORE_URLS variable).";

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
    /// start. A bad setting is reported by name (start-up validation) on standard error, and a port in use says how to
    /// choose another, not as a crash with a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception exception)
        {
            // One clear line first (the host's own report of the failure, with its stack trace, is filtered out of the
            // log: Logging/ConsoleLog). A cause we did not expect is followed by its details.
            var expected = exception is OptionsValidationException or IOException { InnerException: AddressInUseException };
            await Console.Error.WriteLineAsync("ArticleApi cannot start: " + exception.Message
                + (exception is IOException { InnerException: AddressInUseException } ? " " + PortInUseHint : ""));
            if (!expected)
            {
                await Console.Error.WriteLineAsync(exception.ToString());
            }

            return 1;
        }

        await app.WaitForShutdownAsync();
        // Disposing the services closes what they hold open past the stop (the read path's own SQLite connections),
        // so the last connection out checkpoints the WAL and the stopped service leaves one database file.
        await app.DisposeAsync();
        return 0;
    }
#pragma warning restore CA1031
}
