using System.Globalization;
using ArticleApi.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>An index build sorts in small runs on helper threads, and the connection's own settings come back after.</summary>
public sealed class SqliteSorterSettingsTests
{
    [Fact]
    public async Task TheBundledSqliteTakesOneHelperThreadPerCoreAndSmallRunsUntilTheScopeEnds()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA cache_size = -65536; PRAGMA threads = 0;");

        await using (await SqliteSorterSettings.ApplyAsync(connection, CancellationToken.None))
        {
            // SQLite answers the count it will use: 0 if the library was built without helper threads.
            Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 8), await ReadAsync(connection, "threads"));
            Assert.Equal(-SqliteSorterSettings.RunKibibytes, await ReadAsync(connection, "cache_size"));
        }

        Assert.Equal(0, await ReadAsync(connection, "threads"));
        Assert.Equal(-65536, await ReadAsync(connection, "cache_size"));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ReadAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
