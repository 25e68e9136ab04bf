using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// The model on PostgreSQL; its migrations are in <c>Postgres/Migrations</c>. One change to the model: text columns use
/// the <c>C</c> collation, which compares bytes as SQLite's BINARY does, so ids, slugs and domains sort and compare
/// ordinally on both engines (the API's order and its keyset cursors depend on it) whatever the server's locale.
/// </summary>
internal sealed class PostgresArticleDbContext(DbContextOptions<PostgresArticleDbContext> options) : ArticleDbContext(options)
{
    public const string Collation = "C";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Stored: PostgreSQL before 18 has no virtual generated columns.
        modelBuilder.Entity<Article>().Property<long>(ArticleConfiguration.RecencyColumn).HasComputedColumnSql(ArticleConfiguration.RecencySql, stored: true);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(type => type.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation(Collation);
        }
    }
}

/// <summary>For <c>dotnet ef migrations add ... --context PostgresArticleDbContext</c>; never used at run time.</summary>
#pragma warning disable CA1812 // Instantiated by the EF Core tools.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresArticleDbContext>
#pragma warning restore CA1812
{
    public PostgresArticleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresArticleDbContext>().UseNpgsql("Host=localhost;Database=articleapi_design").Options);
}
