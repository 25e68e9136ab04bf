using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArticleApi.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the database: options, a pooled context factory on SQLite, and the schema initialiser.</summary>
    public static IServiceCollection AddArticleDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        const string missing = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is missing: set it to a SQLite connection string such as 'Data Source=data/articles.db'.";
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations()
            .Validate(_ => !string.IsNullOrWhiteSpace(connectionString), missing)
            .ValidateOnStart();

        services.AddPooledDbContextFactory<ArticleDbContext>(options => options
            .UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? throw new InvalidOperationException(missing) : connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // A stop cancels the importer's batch in flight: EF would log that rollback as an error. A real failure is
            // still logged, with its exception, by the import coordinator.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.TransactionError, LogLevel.Debug))));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContext());
        services.AddSingleton<DataVersion>();
        services.AddHostedService<SchemaInitializer>();
        return services;
    }
}
