using ArticleApi.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>
/// What a pass sets on its SQLite connection (a larger page cache, NORMAL sync, a checkpoint every 64 MiB of WAL) and
/// gives back at its end: the connection goes back to the pool, where a reader may get it next.
/// </summary>
public sealed class SqliteBulkWriterTests
{
    [Fact]
    public async Task APassRaisesTheCacheAndTheCheckpointIntervalAndItsEndPutsSqlitesDefaultsBack()
    {
        var file = Path.Combine(Path.GetTempPath(), $"articleapi-bulk-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await ExecuteAsync(connection, """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE Articles (Key INTEGER PRIMARY KEY, Title TEXT);
                    CREATE VIRTUAL TABLE ArticlesFts USING fts5(Title);
                    """);
                var writer = new SqliteBulkWriter();
                Assert.Equal(new long[] { -2000, 2, 1000 }, await PragmasAsync(connection));

                await writer.PrepareAsync(connection, CancellationToken.None);
                Assert.Equal(new long[] { -65536, 1, SqliteBulkWriter.CheckpointPages }, await PragmasAsync(connection));

                await writer.EndAsync(connection);
                Assert.Equal(new long[] { -2000, 2, 1000 }, await PragmasAsync(connection));
            }
        }
        finally
        {
            foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
            {
                File.Delete(path);
            }
        }
    }

    // cache_size (negative: KiB), synchronous (1 NORMAL, 2 FULL), wal_autocheckpoint (pages).
    private static async Task<long[]> PragmasAsync(SqliteConnection connection) =>
    [
        await ScalarAsync(connection, "PRAGMA cache_size"),
        await ScalarAsync(connection, "PRAGMA synchronous"),
        await ScalarAsync(connection, "PRAGMA wal_autocheckpoint"),
    ];

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
