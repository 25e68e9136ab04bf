using ArticleApi.Data.Sqlite;
using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>The FTS5 table made with or without the body, and the switch beside a cold load's set-aside triggers.</summary>
public sealed class SqliteBodyIndexTests
{
    [SqliteFact]
    public async Task OffThenOnAgainLeavesTheTableAndTriggersTheMigrationMade()
    {
        using var factory = new ArticleApiFactory();
        _ = factory.Server;
        await using var connection = Open(factory);
        var migrated = await SchemaAsync(connection);
        Assert.True(await SqliteBodyIndex.HoldsBodyAsync(connection, CancellationToken.None));

        Assert.True(await SqliteBodyIndex.ApplyAsync(connection, indexBody: false, CancellationToken.None));
        Assert.False(await SqliteBodyIndex.HoldsBodyAsync(connection, CancellationToken.None));
        Assert.DoesNotContain(await SchemaAsync(connection), row => row.Contains("Body", StringComparison.Ordinal));
        Assert.False(await SqliteBodyIndex.ApplyAsync(connection, indexBody: false, CancellationToken.None));

        Assert.True(await SqliteBodyIndex.ApplyAsync(connection, indexBody: true, CancellationToken.None));
        Assert.Equal(migrated, await SchemaAsync(connection));
        Assert.False(await SqliteBodyIndex.ApplyAsync(connection, indexBody: true, CancellationToken.None));
    }

    [SqliteFact]
    public async Task ASwitchAfterALoadCutShortBuildsWhatWasSetAsideFirstAndTheNextPassKeepsTheIndexInStep()
    {
        using var factory = new ArticleApiFactory();
        await factory.ImportAsync();
        // What a process killed between a cold load and its index build leaves: the mark, with the triggers' DDL
        // naming the body, and no triggers.
        await using (var connection = Open(factory))
        {
            await SqliteDeferredIndexes.DeferAsync(connection, CancellationToken.None);
        }

        using var off = factory.WithWebHostBuilder(builder => builder.UseSetting("Search:IndexBody", "false"));
        _ = off.Server;
        await using (var connection = Open(factory))
        {
            Assert.False(await SqliteDeferredIndexes.IsMarkedAsync(connection, null, CancellationToken.None));
            Assert.False(await SqliteBodyIndex.HoldsBodyAsync(connection, CancellationToken.None));
            Assert.Equal(3, (await SchemaAsync(connection)).Count(row => row.StartsWith("trigger", StringComparison.Ordinal)));
        }

        File.WriteAllText(Path.Combine(factory.SourceDirectory, "zeppelin.md"), "---\ntitle: \"Airships return\"\n---\nA zeppelin.\n");
        var report = await off.Services.GetRequiredService<ImportCoordinator>().RunPassAsync(CancellationToken.None);

        Assert.Equal(1, report!.Counts.Added);
        Assert.Single(await off.CreateClient().GetAllIdsAsync("/articles?q=airships"));
    }

    private static SqliteConnection Open(ArticleApiFactory factory)
    {
        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The FTS5 table and the triggers, with their DDL.</summary>
    private static async Task<List<string>> SchemaAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || sql FROM sqlite_master WHERE name = 'ArticlesFts' OR type = 'trigger' AND name LIKE 'ArticlesFts%' ORDER BY name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
