using ArticleApi.Data.Postgres;
using ArticleApi.Tests.Infrastructure;
using Npgsql;

namespace ArticleApi.Tests.Data.Postgres;

/// <summary>
/// A pass refreshes PostgreSQL's statistics after batches 1, 2, 4, ... 64: the ANALYZE that makes readers' prepared
/// plans follow tables growing under a cold load.
/// </summary>
public sealed class PostgresBulkWriterTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(6, false)]
    [InlineData(64, true)]
    [InlineData(128, false)]
    [InlineData(1000, false)]
    [InlineData(0, false)]
    public void StatisticsAreRefreshedAfterTheFirstBatchesThatArePowersOfTwo(int batch, bool refreshed) =>
        Assert.Equal(refreshed, PostgresBulkWriter.IsStatisticsBatch(batch));

    [PostgresFact]
    public async Task AfterAPowerOfTwoBatchATableThatGrewIsAnalyzedAndAfterAnotherItIsNot()
    {
        using var factory = new ArticleApiFactory(sourceToCopy: "");
        _ = factory.Server; // the host prepares the schema
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        // Autovacuum kept off the table, so that only the writer analyzes it.
        await ExecuteAsync(connection, """ALTER TABLE "Providers" SET (autovacuum_enabled = false)""");
        await ExecuteAsync(connection, """INSERT INTO "Providers" ("Domain", "Name") SELECT 'p' || n || '.example', 'P' || n FROM generate_series(1, 1500) n""");
        await ExecuteAsync(connection, "SELECT pg_stat_force_next_flush()");
        // The server's counters reach pg_stat_user_tables when the backend next reports them: waited for, not timed.
        for (var attempt = 0; attempt < 100 && await LiveRowsAsync(connection) < 1500; attempt++)
        {
            await Task.Delay(100);
        }

        var writer = new PostgresBulkWriter();
        await writer.AfterBatchAsync(connection, 3, CancellationToken.None);
        Assert.False(await AnalyzedAsync(connection));

        await writer.AfterBatchAsync(connection, 4, CancellationToken.None);
        Assert.True(await AnalyzedAsync(connection));
    }

    private static async Task<long> LiveRowsAsync(NpgsqlConnection connection) =>
        (long)(await ScalarAsync(connection, """SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'Providers'""") ?? 0L);

    private static async Task<bool> AnalyzedAsync(NpgsqlConnection connection) =>
        (bool)(await ScalarAsync(connection, """SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'Providers'"""))!;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
