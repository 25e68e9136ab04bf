using ArticleApi.Data.Postgres;
using ArticleApi.Tests.Infrastructure;
using Npgsql;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>The generated search vector made with or without the body.</summary>
public sealed class PostgresBodyIndexTests
{
    [PostgresFact]
    public async Task OffThenOnAgainLeavesTheColumnAndIndexTheMigrationMade()
    {
        using var factory = new ArticleApiFactory();
        await factory.ImportAsync();
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var migrated = await SchemaAsync(connection);
        Assert.True(await PostgresBodyIndex.HoldsBodyAsync(connection, null, CancellationToken.None));

        Assert.True(await PostgresBodyIndex.ApplyAsync(connection, indexBody: false, CancellationToken.None));
        Assert.False(await PostgresBodyIndex.HoldsBodyAsync(connection, null, CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM \"Articles\" WHERE \"SearchVector\" @@ to_tsquery('articleapi', 'dockerfile')"));
        Assert.False(await PostgresBodyIndex.ApplyAsync(connection, indexBody: false, CancellationToken.None));

        Assert.True(await PostgresBodyIndex.ApplyAsync(connection, indexBody: true, CancellationToken.None));
        Assert.Equal(migrated, await SchemaAsync(connection));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM \"Articles\" WHERE \"SearchVector\" @@ to_tsquery('articleapi', 'dockerfile')"));
        Assert.False(await PostgresBodyIndex.ApplyAsync(connection, indexBody: true, CancellationToken.None));
    }

    /// <summary>The vector's expression and its index's definition.</summary>
    private static async Task<string> SchemaAsync(NpgsqlConnection connection) => (string)(await ScalarAsync(connection, """
        SELECT pg_get_expr(d.adbin, d.adrelid) || ' / ' || (SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_Articles_SearchVector')
        FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"Articles"'::regclass AND a.attname = 'SearchVector'
        """))!;

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
