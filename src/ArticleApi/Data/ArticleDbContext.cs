using ArticleApi.Articles;
using ArticleApi.Import;
using ArticleApi.Providers;
using ArticleApi.Related;
using ArticleApi.Topics;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

internal sealed class ArticleDbContext(DbContextOptions<ArticleDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<RelatedLink> RelatedLinks => Set<RelatedLink>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

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
