using System.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

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

        // to_char(timezone('UTC', to_timestamp(seconds)), pattern): timezone() turns the instant into UTC wall time, so
        // the session's TimeZone setting cannot move an article into another month.
        var instant = new DateTimeOffsetTypeMapping("timestamp with time zone");
        var utc = new DateTimeTypeMapping("timestamp without time zone");
        PublishedPeriod.Map(modelBuilder, new DoubleTypeMapping("double precision"), (seconds, month) => new SqlFunctionExpression(
            "to_char",
            [
                new SqlFunctionExpression("timezone", [PublishedPeriod.Literal("'UTC'"), new SqlFunctionExpression("to_timestamp", [seconds], true, [true], typeof(DateTimeOffset), instant)],
                    nullable: true, argumentsPropagateNullability: [false, true], typeof(DateTime), utc),
                PublishedPeriod.Literal(month ? "'YYYY-MM'" : "'YYYY'"),
            ],
            nullable: true, argumentsPropagateNullability: [true, false], typeof(string), new StringTypeMapping("text", DbType.String)));
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
