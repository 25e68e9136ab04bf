using System.Data.Common;
using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// The real app over a real database, importing a copy of the repository's samples (or another folder): a SQLite file
/// in a temp folder, or a fresh PostgreSQL database when <see cref="TestDatabase.IsPostgres"/>. The worker is off so
/// tests decide when a pass runs: <see cref="ImportAsync"/> runs one and waits for it.
/// </summary>
public class ArticleApiFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly string? _postgres;

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

        _postgres = TestDatabase.IsPostgres ? TestDatabase.CreatePostgresDatabase() : null;
    }

    public string SourceDirectory => _folder.Combine("articles");

    public string DatabasePath => _folder.Combine("data", "articles.db");

    /// <summary>The app's connection string.</summary>
    public string ConnectionString => _postgres ?? $"Data Source={DatabasePath}";

    /// <summary>
    /// On PostgreSQL, whether the factory prepares the schema as the importer would before the app starts (tests run
    /// passes themselves with Import:Enabled=false). False plays a replica started before any importer.
    /// </summary>
    protected virtual bool PreparesSchema => true;

    /// <summary>Extra settings for a test class, applied over the defaults below.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>A plain ADO.NET connection to the app's database, opened, for expectations that must not share code with the API.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = _postgres is null
            ? new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(_postgres);
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Articles", ConnectionString);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Import:Enabled", "false");
        builder.UseSetting("Import:Watch", "false");
        builder.UseSetting("Import:SourceDirectory", SourceDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Pages through SQL, whose plans most tests check; ColumnPagesTests compare the columns' pages with these.
        builder.UseSetting("Lists:PagesFromColumns", "Off");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (_postgres is not null && PreparesSchema)
        {
            // On PostgreSQL a process with Import:Enabled=false waits for the importer to prepare the schema. The tests
            // run passes themselves, so they play the importer's part first: a hosted service ahead of all others.
            builder.ConfigureTestServices(services => services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ImporterSchemaService>()));
        }
    }

    /// <summary>Runs one import pass over <see cref="SourceDirectory"/> through the app's own coordinator.</summary>
    internal async Task<ImportReport> ImportAsync()
    {
        var coordinator = Services.GetRequiredService<ImportCoordinator>();
        return await coordinator.RunPassAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("the import pass failed; see the log");
    }

    /// <summary>Runs once the app's host is disposed, before the factory releases the database and deletes its files.</summary>
    protected virtual void AfterHostDisposed()
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            AfterHostDisposed();
            SqliteConnection.ClearAllPools();
            if (_postgres is not null)
            {
                TestDatabase.DropPostgresDatabase(_postgres);
            }

            _folder.Dispose();
        }
    }

    private sealed class ImporterSchemaService(IDbContextFactory<ArticleDbContext> contextFactory, IDatabaseSchema schema) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            await schema.EnsureAsync(context, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
