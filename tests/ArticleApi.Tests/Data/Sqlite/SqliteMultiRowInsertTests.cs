using System.Globalization;
using ArticleApi.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>Rows wait for the flush, then go in by statements of many rows, each value stored as SqliteCommand stores it.</summary>
public sealed class SqliteMultiRowInsertTests
{
    private static readonly string[] Columns = ["Number", "Text", "Real", "Bytes", "Flag", "Instant"];

    [Theory]
    [InlineData(1)]
    [InlineData(SqliteMultiRowInsert.RowsPerStatement)]
    [InlineData((2 * SqliteMultiRowInsert.RowsPerStatement) + 7)]
    public async Task EveryRowIsWrittenAtTheFlushWithItsValuesInOrder(int rows)
    {
        await using var connection = await OpenAsync();
        await using var insert = new SqliteMultiRowInsert(connection, "Rows", Columns);
        for (var row = 0; row < rows; row++)
        {
            await insert.AddAsync(CancellationToken.None, (long)row, $"tëxt {row}", row / 4.0, new byte[] { (byte)row, 1 }, row % 2 == 0, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + row));
        }

        Assert.Equal("0", (await ReadAsync(connection, "SELECT count(*) FROM Rows")).Single());

        await insert.FlushAsync(CancellationToken.None);

        var read = await ReadAsync(connection, "SELECT Number || '|' || Text || '|' || Real || '|' || hex(Bytes) || '|' || Flag || '|' || Instant FROM Rows ORDER BY rowid");
        var expected = Enumerable.Range(0, rows).Select(row => string.Create(CultureInfo.InvariantCulture,
            $"{row}|tëxt {row}|{row / 4.0:0.0###}|{(byte)row:X2}01|{(row % 2 == 0 ? 1 : 0)}|{1_700_000_000_000 + row}"));
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task NullsAreStoredAsNullAndAFlushWithNothingKeptWritesNothing()
    {
        await using var connection = await OpenAsync();
        await using var insert = new SqliteMultiRowInsert(connection, "Rows", Columns);
        await insert.FlushAsync(CancellationToken.None);
        await insert.AddAsync(CancellationToken.None, 5L, null, null, null, null, null);
        await insert.FlushAsync(CancellationToken.None);
        await insert.FlushAsync(CancellationToken.None);

        Assert.Equal(["5|1"], await ReadAsync(connection, "SELECT Number || '|' || (Text IS NULL AND Real IS NULL AND Bytes IS NULL AND Flag IS NULL AND Instant IS NULL) FROM Rows"));
    }

    [Fact]
    public async Task ARowWithTheWrongNumberOfValuesIsRefusedWhenAdded()
    {
        await using var connection = await OpenAsync();
        await using var insert = new SqliteMultiRowInsert(connection, "Rows", Columns);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => insert.AddAsync(CancellationToken.None, 1L, "two"));

        Assert.StartsWith("Rows takes 6 values a row, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedFlushDropsWhatItKeptAndLeavesNoHalfWrittenStatement()
    {
        await using var connection = await OpenAsync();
        await using var insert = new SqliteMultiRowInsert(connection, "Rows", Columns);
        await insert.AddAsync(CancellationToken.None, 1L, "a", null, null, null, null);
        await insert.AddAsync(CancellationToken.None, 1L, "duplicate key", null, null, null, null);

        await Assert.ThrowsAsync<SqliteException>(() => insert.FlushAsync(CancellationToken.None));
        await insert.AddAsync(CancellationToken.None, 2L, "b", null, null, null, null);
        await insert.FlushAsync(CancellationToken.None);

        Assert.Equal(["2|b"], await ReadAsync(connection, "SELECT Number || '|' || Text FROM Rows"));
    }

    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE Rows (Number INTEGER PRIMARY KEY, Text TEXT, Real REAL, Bytes BLOB, Flag INTEGER, Instant INTEGER)";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
