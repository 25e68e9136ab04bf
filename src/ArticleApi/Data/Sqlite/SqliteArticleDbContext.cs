using System.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArticleApi.Data.Sqlite;

/// <summary>The model on SQLite; its migrations are in <c>Sqlite/Migrations</c>.</summary>
internal sealed class SqliteArticleDbContext(DbContextOptions<SqliteArticleDbContext> options) : ArticleDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Virtual: SQLite adds a virtual column in place (a stored one would rebuild the table) and indexes it all the same.
        modelBuilder.Entity<Article>().Property<long>(ArticleConfiguration.RecencyColumn).HasComputedColumnSql(ArticleConfiguration.RecencySql, stored: false);
        // strftime(pattern, seconds, 'unixepoch'): SQLite's date functions are UTC unless told 'localtime'.
        PublishedPeriod.Map(modelBuilder, new DoubleTypeMapping("REAL"), (seconds, month) => new SqlFunctionExpression(
            "strftime", [PublishedPeriod.Literal(month ? "'%Y-%m'" : "'%Y'"), seconds, PublishedPeriod.Literal("'unixepoch'")],
            nullable: true, argumentsPropagateNullability: [false, true, false], typeof(string), new StringTypeMapping("TEXT", DbType.String)));
    }
}

/// <summary>For <c>dotnet ef migrations add ... --context SqliteArticleDbContext</c>; never used at run time.</summary>
#pragma warning disable CA1812 // Instantiated by the EF Core tools.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteArticleDbContext>
#pragma warning restore CA1812
{
    public SqliteArticleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteArticleDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
