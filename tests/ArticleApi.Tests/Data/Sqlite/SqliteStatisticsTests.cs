using ArticleApi.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>
/// After much change <see cref="SqliteStatistics"/> analyzes and merges the full-text index into one segment; after
/// little it leaves the segments as they are (FTS5 merges them on its own as they grow).
/// </summary>
public sealed class SqliteStatisticsTests
{
    [Fact]
    public async Task AFirstRefreshAnalyzesAndMergesTheFullTextSegments()
    {
        await using var connection = await OpenAsync();
        for (var key = 1; key <= 3; key++)
        {
            // Each transaction flushes a segment of its own (three stay apart: FTS5 merges from four on).
            await ExecuteAsync(connection, $"INSERT INTO Articles (Key) VALUES ({key}); INSERT INTO ArticlesFts (rowid, Title) VALUES ({key}, 'word {key}');");
        }

        Assert.Equal(3L, await SegmentsAsync(connection));

        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal(1L, await SegmentsAsync(connection));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT count(*) FROM ArticlesFts WHERE ArticlesFts MATCH 'word'"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'Articles'"));
    }

    [Fact]
    public async Task ARefreshAfterLittleChangeLeavesTheSegments()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100) INSERT INTO Articles (Key) SELECT k FROM n;");
        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);
        for (var key = 1; key <= 2; key++)
        {
            await ExecuteAsync(connection, $"INSERT INTO ArticlesFts (rowid, Title) VALUES ({key}, 'word {key}');");
        }

        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal(2L, await SegmentsAsync(connection));
    }

    // The two tables the refresh reads, as the schema names them; an index so that ANALYZE writes a row for Articles.
    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE Articles (Key INTEGER PRIMARY KEY, Title TEXT);
            CREATE INDEX IX_Articles_Title ON Articles (Title);
            CREATE VIRTUAL TABLE ArticlesFts USING fts5(Title);
            """);
        return connection;
    }

    private static Task<long?> SegmentsAsync(SqliteConnection connection) => ScalarAsync(connection, "SELECT count(DISTINCT segid) FROM ArticlesFts_idx");

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as long?;
    }
}
