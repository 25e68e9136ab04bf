using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>The importer's bulk path on PostgreSQL: rows buffered, then one binary COPY inside the batch's transaction.</summary>
public sealed class PostgresCopyInsertTests
{
    [PostgresFact]
    public async Task RowsReachTheTableOnFlushWithTheirNullsAndTypes()
    {
        using var factory = new ArticleApiFactory();
        await using var connection = await OpenAsync(factory);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new PostgresBulkWriter().CreateInsert(connection, "Providers", ["Domain", "Name", "LogoUrl", "LogoWidth", "LogoHeight"]);

        await insert.AddAsync(CancellationToken.None, "copy.example", "Copy Example", null, 120, null);
        await insert.AddAsync(CancellationToken.None, "second.example", "Second", "https://second.example/logo.png", (short)16, 9L);
        Assert.Empty(await ProvidersAsync(connection));

        await insert.FlushAsync(CancellationToken.None);

        Assert.Equal(
            ["copy.example|Copy Example|(null)|120|(null)", "second.example|Second|https://second.example/logo.png|16|9"],
            await ProvidersAsync(connection));
        await transaction.RollbackAsync();
        Assert.Empty(await ProvidersAsync(connection));
    }

    [PostgresFact]
    public async Task AColumnTheSchemaDoesNotHaveIsNamed()
    {
        using var factory = new ArticleApiFactory();
        await using var connection = await OpenAsync(factory);
        await using var insert = new PostgresBulkWriter().CreateInsert(connection, "Topics", ["Id", "Slug", "Colour"]);
        await insert.AddAsync(CancellationToken.None, 1, "a", "blue");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => insert.FlushAsync(CancellationToken.None));

        Assert.Equal("Column Topics.Colour does not exist; are the migrations applied?", error.Message);
    }

    [PostgresFact]
    public async Task ARowWithTheWrongNumberOfValuesIsRefusedWhenAdded()
    {
        using var factory = new ArticleApiFactory();
        await using var connection = await OpenAsync(factory);
        await using var insert = new PostgresBulkWriter().CreateInsert(connection, "Topics", ["Id", "Slug", "Name"]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => insert.AddAsync(CancellationToken.None, 1, "a"));

        Assert.Equal("Topics takes 3 values, not 2. (Parameter 'values')", error.Message);
    }

    private static async Task<NpgsqlConnection> OpenAsync(ArticleApiFactory factory)
    {
        await using (var context = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync())
        {
            await new PostgresSchema(Options.Create(new SearchOptions()), NullLogger<PostgresSchema>.Instance).EnsureAsync(context, CancellationToken.None);
        }

        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> ProvidersAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """SELECT "Domain", "Name", "LogoUrl", "LogoWidth", "LogoHeight" FROM "Providers" WHERE "Domain" LIKE '%.example' ORDER BY "Domain" """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 5).Select(i => reader.IsDBNull(i) ? "(null)" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
