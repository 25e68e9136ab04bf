using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Data.Sqlite;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArticleApi;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database: options, a pooled context factory on the configured provider, and the provider's schema,
    /// full-text search and import lock. This is the one place that chooses between <c>Data/Sqlite</c> and <c>Data/Postgres</c>.
    /// </summary>
    public static IServiceCollection AddArticleDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        // An unknown provider is reported by the options validation below; registering SQLite meanwhile keeps that message the only one.
        var postgres = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] == DatabaseOptions.PostgreSql;
        var missing = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is missing: set it to a "
            + (postgres ? "PostgreSQL connection string such as 'Host=db;Database=articles;Username=articles;Password=...'." : "SQLite connection string such as 'Data Source=data/articles.db'.");
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations()
            .Validate(_ => !string.IsNullOrWhiteSpace(connectionString), missing)
            .ValidateOnStart();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var connection = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        if (postgres)
        {
            services.AddPooledDbContextFactory<PostgresArticleDbContext>((provider, options) => Configure(provider, options.UseNpgsql(PostgresConnectionString.WithDefaults(connection ?? throw new InvalidOperationException(missing)))));
            services.AddSingleton<IDbContextFactory<ArticleDbContext>, ProviderContextFactory<PostgresArticleDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteArticleDbContext>((provider, options) => Configure(provider, options.UseSqlite(connection ?? throw new InvalidOperationException(missing))));
            services.AddSingleton<IDbContextFactory<ArticleDbContext>, ProviderContextFactory<SqliteArticleDbContext>>();
        }

        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContext());
        if (postgres)
        {
            services.AddSingleton<IDatabaseSchema, PostgresSchema>();
            services.AddSingleton<IBulkWriter, PostgresBulkWriter>();
            services.AddSingleton<IFullTextSearch, PostgresFullTextSearch>();
            services.AddSingleton<ISqlDialect, PostgresDialect>();
            services.AddSingleton<IPreparedReads, PostgresPreparedReads>();
            services.AddSingleton<IImportLock>(new PostgresImportLock(connectionString ?? ""));
        }
        else
        {
            services.AddSingleton<IDatabaseSchema, SqliteSchema>();
            services.AddSingleton<IBulkWriter, SqliteBulkWriter>();
            services.AddSingleton<IFullTextSearch, SqliteFullTextSearch>();
            services.AddSingleton<ISqlDialect, SqliteDialect>();
            services.AddSingleton<IPreparedReads, SqlitePreparedReads>();
            services.AddSingleton<IImportLock>(new SqliteImportLock(connectionString ?? ""));
        }

        services.AddSingleton<DataVersion>();
        services.AddSingleton<ArticleCounts>();
        services.AddHostedService<SchemaInitializer>();
        return services;
    }

    private static void Configure(IServiceProvider provider, DbContextOptionsBuilder options) => options
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
        // Interceptors registered in the container (for example a test's statement counter) join every context.
        .AddInterceptors(provider.GetServices<IInterceptor>())
        // A stop cancels the importer's batch in flight: EF would log that rollback as an error. A real failure is
        // still logged, with its exception, by the import coordinator.
        .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.TransactionError, LogLevel.Debug)));
}
