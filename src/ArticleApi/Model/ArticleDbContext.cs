using ArticleApi.Articles;
using ArticleApi.Import;
using ArticleApi.Providers;
using ArticleApi.Topics;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Model;

/// <summary>
/// The one model, on every provider. Each provider has a derived context (<c>Sqlite/SqliteArticleDbContext</c>,
/// <c>Postgres/PostgresArticleDbContext</c>) only so that each gets its own set of migrations; handlers use this type.
/// </summary>
internal abstract class ArticleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<RelatedLink> RelatedLinks => Set<RelatedLink>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ArticleChange> ArticleChanges => Set<ArticleChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArticleDbContext).Assembly);
        // Rows of a full-text engine's query (see IFullTextSearch); no table of its own.
        modelBuilder.Entity<FullTextMatch>().HasNoKey().ToView(null);
    }
}
