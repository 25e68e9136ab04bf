using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Tests.Infrastructure;
using Npgsql;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>A cold import on PostgreSQL builds the secondary and full-text indexes once at the end; a load cut short is rebuilt.</summary>
public sealed class PostgresDeferredIndexesTests
{
    [PostgresFact]
    public async Task AColdImportLeavesEveryIndexAsTheMigrationsMadeThem()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        Write(factory.SourceDirectory, "b.md", "Beta lighthouse");
        var before = await IndexesAsync(factory);

        var report = await factory.ImportAsync();

        Assert.Equal(2, report.Counts.Added);
        Assert.Contains(before, index => index.Contains("USING gin", StringComparison.Ordinal));
        Assert.Equal(before, await IndexesAsync(factory));
        Assert.Equal(1L, await MatchesAsync(factory, "lighthouse"));
    }

    [PostgresFact]
    public async Task SetAsideAreTheNonUniqueIndexesButTheLinksAndTheUnstampedChangesAndTheMarkRecordsThem()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        var before = await IndexesAsync(factory);
        await using var connection = await OpenAsync(factory);

        await PostgresDeferredIndexes.DeferAsync(connection, CancellationToken.None);
        var during = await IndexesAsync(factory);
        var marked = await QueryAsync(connection, $"SELECT \"Sql\" FROM \"{DeferredIndexes.Mark}\" ORDER BY \"Name\"");
        await PostgresDeferredIndexes.RestoreAsync(connection, CancellationToken.None);

        Assert.Contains("mark", during);
        Assert.Equal(
            [DeferredIndexes.UnstampedIndex, DeferredIndexes.KeptIndex],
            during.Where(index => index != "mark" && !index.Contains("UNIQUE", StringComparison.Ordinal)).Select(index => index.Split('"')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(before.Except(during).Order(StringComparer.Ordinal), marked.Order(StringComparer.Ordinal));
        Assert.Contains(marked, sql => sql.Contains("USING gin", StringComparison.Ordinal));
        Assert.True(marked.Count >= 15, $"{marked.Count} indexes set aside");
        Assert.Equal(before, await IndexesAsync(factory));
        Assert.False(await PostgresDeferredIndexes.IsMarkedAsync(connection, null, CancellationToken.None));
    }

    [PostgresFact]
    public async Task ALoadCutShortBeforeItsIndexesWereBuiltIsRebuiltByTheNextPass()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        var before = await IndexesAsync(factory);
        await factory.ImportAsync();
        // What a process killed between the load and the index build leaves: the mark, and the indexes set aside.
        await using (var connection = await OpenAsync(factory))
        {
            await PostgresDeferredIndexes.DeferAsync(connection, CancellationToken.None);
            // A start-up in between may make the full-text index again (PostgresBodyIndex): the rebuild skips it.
            await using var gin = new NpgsqlCommand("CREATE INDEX \"IX_Articles_SearchVector\" ON \"Articles\" USING gin (\"SearchVector\")", connection);
            await gin.ExecuteNonQueryAsync();
        }

        Assert.NotEqual(before, await IndexesAsync(factory));
        Write(factory.SourceDirectory, "b.md", "Beta lighthouse");

        var report = await factory.ImportAsync();

        Assert.Equal(1, report.Counts.Added);
        Assert.Equal(before, await IndexesAsync(factory));
        Assert.Equal(1L, await MatchesAsync(factory, "harbour"));
        Assert.Equal(1L, await MatchesAsync(factory, "lighthouse"));
    }

    [PostgresFact]
    public async Task EachIndexIsBuiltAndStruckFromTheMarkInItsOwnTransactionSoAFailureKeepsWhatWasBuilt()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory.SourceDirectory, "a.md", "Alpha harbour");
        await factory.ImportAsync();
        var before = await IndexesAsync(factory);
        await using var connection = await OpenAsync(factory);
        await PostgresDeferredIndexes.DeferAsync(connection, CancellationToken.None);
        // The builders take the GIN index first, then the rest by name: the last by name fails, after all the others.
        var last = (await QueryAsync(connection, $"SELECT \"Name\" FROM \"{DeferredIndexes.Mark}\" WHERE \"Sql\" NOT LIKE '% USING gin %' ORDER BY \"Name\" DESC LIMIT 1")).Single();
        var ddl = (await QueryAsync(connection, $"SELECT \"Sql\" FROM \"{DeferredIndexes.Mark}\" WHERE \"Name\" = '{last}'")).Single();
        await ExecuteAsync(connection, $"UPDATE \"{DeferredIndexes.Mark}\" SET \"Sql\" = 'CREATE INDEX \"{last}\" ON \"NoSuchTable\" (x)' WHERE \"Name\" = '{last}'");

        await Assert.ThrowsAsync<PostgresException>(() => PostgresDeferredIndexes.RestoreAsync(connection, CancellationToken.None));

        Assert.Equal([last], await QueryAsync(connection, $"SELECT \"Name\" FROM \"{DeferredIndexes.Mark}\""));
        Assert.Equal(before.Where(index => !index.Contains($"\"{last}\"", StringComparison.Ordinal)).Append("mark").Order(StringComparer.Ordinal), await IndexesAsync(factory));

        await ExecuteAsync(connection, $"UPDATE \"{DeferredIndexes.Mark}\" SET \"Sql\" = '{ddl.Replace("'", "''", StringComparison.Ordinal)}' WHERE \"Name\" = '{last}'");
        await PostgresDeferredIndexes.RestoreAsync(connection, CancellationToken.None);

        Assert.Equal(before, await IndexesAsync(factory));
        Assert.Equal(1L, await MatchesAsync(factory, "harbour"));
    }

    [Theory]
    [InlineData("CREATE INDEX \"IX_A\" ON public.\"Articles\" USING btree (\"Quality\")", "CREATE INDEX IF NOT EXISTS \"IX_A\" ON public.\"Articles\" USING btree (\"Quality\")")]
    public void TheRebuildSkipsAnIndexThatExists(string sql, string expected) => Assert.Equal(expected, PostgresDeferredIndexes.IfNotExists(sql));

    [Fact]
    public void OnlyANonUniqueIndexIsRebuilt() =>
        Assert.Throws<InvalidOperationException>(() => PostgresDeferredIndexes.IfNotExists("CREATE UNIQUE INDEX \"IX_A\" ON \"Articles\" (\"Id\")"));

    /// <summary>Every index of the schema with its definition, and the mark table if it is there.</summary>
    private static async Task<List<string>> IndexesAsync(ArticleApiFactory factory)
    {
        await using var connection = await OpenAsync(factory);
        return await QueryAsync(connection, $"""
            SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT 'mark' WHERE to_regclass('"{DeferredIndexes.Mark}"') IS NOT NULL
            ORDER BY 1
            """);
    }

    private static async Task<long> MatchesAsync(ArticleApiFactory factory, string word)
    {
        await using var connection = await OpenAsync(factory);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"Articles\" WHERE \"SearchVector\" @@ to_tsquery('articleapi', '{word}')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(ArticleApiFactory factory)
    {
        _ = factory.Server; // the host prepares the schema
        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Write(string folder, string relativePath, string title) =>
        File.WriteAllText(Path.Combine(folder, relativePath), $"---\ntitle: \"{title}\"\n---\n");
}
