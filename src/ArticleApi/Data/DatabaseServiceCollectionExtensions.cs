using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArticleApi.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the database: options, a pooled context factory on SQLite, and the schema initialiser.</summary>
    public static IServiceCollection AddArticleDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is missing: set it to a SQLite connection string such as 'Data Source=data/articles.db'.");
        }

        // Interceptors registered in the container (for example a test's statement counter) join every context.
        services.AddPooledDbContextFactory<ArticleDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContext());
        services.AddSingleton<DataVersion>();
        services.AddHostedService<SchemaInitializer>();
        return services;
    }
}
