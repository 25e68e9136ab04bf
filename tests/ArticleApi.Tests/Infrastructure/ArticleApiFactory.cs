using ArticleApi.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a temp folder, importing a copy of the repository's samples (or another
/// folder). The worker is off so tests decide when a pass runs: <see cref="ImportAsync"/> runs one and waits for it.
/// </summary>
public class ArticleApiFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();

    public ArticleApiFactory()
        : this(TestPaths.Samples)
    {
    }

    public ArticleApiFactory(string sourceToCopy)
    {
        if (Directory.Exists(sourceToCopy))
        {
            _folder.CopyFrom(sourceToCopy, "articles");
        }
        else
        {
            Directory.CreateDirectory(SourceDirectory);
        }
    }

    public string SourceDirectory => _folder.Combine("articles");

    public string DatabasePath => _folder.Combine("data", "articles.db");

    /// <summary>Extra settings for a test class, applied over the defaults below.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Articles", $"Data Source={DatabasePath}");
        builder.UseSetting("Import:Enabled", "false");
        builder.UseSetting("Import:Watch", "false");
        builder.UseSetting("Import:SourceDirectory", SourceDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs one import pass over <see cref="SourceDirectory"/> through the app's own coordinator.</summary>
    internal async Task<ImportReport> ImportAsync()
    {
        var coordinator = Services.GetRequiredService<ImportCoordinator>();
        return await coordinator.RunPassAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("the import pass failed; see the log");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
