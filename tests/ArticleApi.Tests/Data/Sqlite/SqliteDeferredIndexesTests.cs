using System.Data.Common;
using ArticleApi.Data;
using ArticleApi.Data.Sqlite;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>A cold import builds the secondary and full-text indexes once at the end; a load cut short is rebuilt.</summary>
public sealed class SqliteDeferredIndexesTests
{
    [SkippableFact]
    public async Task AColdImportLeavesEveryIndexAndTriggerAsTheSchemaMadeThem()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's indexes");
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        Write(factory.SourceDirectory, "b.md", "Beta lighthouse");
        var before = await SchemaAsync(factory);

        var report = await factory.ImportAsync();

        Assert.Equal(2, report.Counts.Added);
        Assert.Equal(before, await SchemaAsync(factory));
        Assert.Equal(1, await MatchesAsync(factory, "lighthouse"));
    }

    [SkippableFact]
    public async Task ALoadCutShortBeforeItsIndexesWereBuiltIsRebuiltByTheNextPass()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's indexes");
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        var before = await SchemaAsync(factory);
        await factory.ImportAsync();
        // What a process killed between the load and the index build leaves: the mark, and the indexes set aside.
        await using (var db = await Context(factory))
        {
            await db.Database.OpenConnectionAsync();
            await SqliteDeferredIndexes.DeferAsync(db.Database.GetDbConnection(), CancellationToken.None);
        }

        Assert.NotEqual(before, await SchemaAsync(factory));
        Write(factory.SourceDirectory, "b.md", "Beta lighthouse");

        var report = await factory.ImportAsync();

        Assert.Equal(1, report.Counts.Added);
        Assert.Equal(before, await SchemaAsync(factory));
        Assert.Equal(1, await MatchesAsync(factory, "harbour"));
        Assert.Equal(1, await MatchesAsync(factory, "lighthouse"));
    }

    [SkippableFact]
    public async Task EachIndexIsBuiltAndStruckFromTheMarkInItsOwnTransactionSoAFailureKeepsWhatWasBuilt()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's indexes");
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        var before = await SchemaAsync(factory);
        await factory.ImportAsync();
        await using var db = await Context(factory);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await SqliteDeferredIndexes.DeferAsync(connection, CancellationToken.None);
        var marked = await QueryAsync(factory, $"SELECT Name FROM {DeferredIndexes.Mark} WHERE Type = 'index' ORDER BY Name");
        var third = marked[2];
        var ddl = (await QueryAsync(factory, $"SELECT Sql FROM {DeferredIndexes.Mark} WHERE Name = '{third}'")).Single();
        await ExecuteAsync(connection, $"UPDATE {DeferredIndexes.Mark} SET Sql = 'CREATE INDEX \"{third}\" ON NoSuchTable (x)' WHERE Name = '{third}'");

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => SqliteDeferredIndexes.RestoreAsync(connection, CancellationToken.None));

        // The two built before the failure stay built and are no longer in the mark; the rest wait for the next writer.
        var built = await QueryAsync(factory, $"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('{marked[0]}', '{marked[1]}', '{third}') ORDER BY name");
        Assert.Equal(marked[..2], built);
        Assert.Equal(marked[2..], await QueryAsync(factory, $"SELECT Name FROM {DeferredIndexes.Mark} WHERE Type = 'index' ORDER BY Name"));
        Assert.Equal(["ArticlesFtsDelete", "ArticlesFtsInsert", "ArticlesFtsUpdate"], await QueryAsync(factory, $"SELECT Name FROM {DeferredIndexes.Mark} WHERE Type = 'trigger' ORDER BY Name"));
        Assert.Empty(await QueryAsync(factory, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ArticlesFts%'"));

        await ExecuteAsync(connection, $"UPDATE {DeferredIndexes.Mark} SET Sql = '{ddl.Replace("'", "''", StringComparison.Ordinal)}' WHERE Name = '{third}'");
        await SqliteDeferredIndexes.RestoreAsync(connection, CancellationToken.None);

        Assert.Equal(before, await SchemaAsync(factory));
        Assert.Equal(1, await MatchesAsync(factory, "harbour"));
    }

    [SkippableFact]
    public async Task ALoadKeepsTheIndexesThatResolveRelatedLinksAndStampChanges()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's indexes");
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        await using (var db = await Context(factory))
        {
            var link = db.Model.FindEntityType(typeof(Article))!.GetIndexes().Single(index => index.Properties is [{ Name: nameof(Article.Link) }]);
            var unstamped = db.Model.FindEntityType(typeof(ArticleChange))!.GetIndexes().Single(index => index.GetFilter() is not null);
            Assert.Equal(DeferredIndexes.KeptIndex, link.GetDatabaseName());
            Assert.Equal(DeferredIndexes.UnstampedIndex, unstamped.GetDatabaseName());
            await db.Database.OpenConnectionAsync();
            await SqliteDeferredIndexes.DeferAsync(db.Database.GetDbConnection(), CancellationToken.None);
        }

        // Set aside: the other secondary indexes; kept: the link's, which an article's detail reads during the load,
        // and the unstamped changes', through which every batch stamps its own.
        var indexes = await QueryAsync(factory, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Articles', 'ArticleChanges') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name");
        Assert.Equal([DeferredIndexes.UnstampedIndex, DeferredIndexes.KeptIndex], indexes);
    }

    /// <summary>Every index and trigger with its DDL, and the mark table if it is there.</summary>
    private static async Task<List<string>> SchemaAsync(ArticleApiFactory factory) =>
        await QueryAsync(factory, "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger') OR name = '" + DeferredIndexes.Mark + "' ORDER BY name");

    private static async Task<long> MatchesAsync(ArticleApiFactory factory, string word) =>
        long.Parse((await QueryAsync(factory, $"SELECT count(*) FROM ArticlesFts WHERE ArticlesFts MATCH '{word}'")).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<string>> QueryAsync(ArticleApiFactory factory, string sql)
    {
        await using var db = await Context(factory);
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<ArticleDbContext> Context(ArticleApiFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();

    private static void Write(string folder, string relativePath, string title) =>
        File.WriteAllText(Path.Combine(folder, relativePath), $"---\ntitle: \"{title}\"\n---\n");
}
