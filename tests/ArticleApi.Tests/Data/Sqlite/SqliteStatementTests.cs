using ArticleApi.Data.Sqlite;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Tests.Data.Sqlite;

/// <summary>
/// <see cref="SqliteStatement"/> and <see cref="SqliteStatementReader"/>, which run the read path's statements outside
/// Microsoft.Data.Sqlite: every value reads as Microsoft.Data.Sqlite's reader reads it (text of every kind, from a
/// UTF-8 and a UTF-16 database), parameters bind by name with or without their prefix, and a run releases its read.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private const string Values = """
        SELECT k AS "Key", t AS "Text", n AS "Number", r AS "Real", b AS "Blob"
        FROM v WHERE k >= @from ORDER BY k
        """;

    private readonly TempFolder _folder = new();

    public static TheoryData<string> Encodings => ["UTF-8", "UTF-16le"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryValueReadsAsMicrosoftDataSqliteReadsIt(string encoding)
    {
        using var connection = Database(encoding);
        using var statement = new SqliteStatement(connection.Handle!, Values, utf8: encoding == "UTF-8");
        statement.Bind(Parameters(("@from", 0L)));
        var rows = new List<string>();
        using (var reader = new SqliteStatementReader(statement))
        {
            Assert.Equal(["Key", "Text", "Number", "Real", "Blob"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
            while (reader.Read())
            {
                rows.Add(Describe(reader));
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = Values;
        command.Parameters.AddWithValue("@from", 0L);
        using var expected = command.ExecuteReader();
        var expectedRows = new List<string>();
        while (expected.Read())
        {
            expectedRows.Add(Describe(expected));
        }

        Assert.Equal(5, rows.Count);
        Assert.Equal(expectedRows, rows);
        Assert.Contains("Text=Zürich — 東京 🚀", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@from")]
    [InlineData("from")]
    public void AParameterBindsByItsNameWithOrWithoutThePrefix(string name)
    {
        using var connection = Database("UTF-8");
        using var statement = new SqliteStatement(connection.Handle!, Values, utf8: true);
        statement.Bind(Parameters((name, 4L)));
        using var reader = new SqliteStatementReader(statement);
        Assert.True(reader.Read());
        Assert.Equal(4L, reader.GetInt64(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void HasRowsLooksAheadWithoutLosingTheFirstRowAndTheEndStaysTheEnd()
    {
        using var connection = Database("UTF-8");
        using var statement = new SqliteStatement(connection.Handle!, Values, utf8: true);
        statement.Bind(Parameters(("@from", 3L)));
        using (var reader = new SqliteStatementReader(statement))
        {
            Assert.True(reader.HasRows);
            Assert.True(reader.HasRows);
            Assert.True(reader.Read());
            Assert.Equal(3L, reader.GetInt64(0));
            Assert.True(reader.Read());
            Assert.Equal(4L, reader.GetInt64(0));
            Assert.False(reader.Read());
            Assert.False(reader.Read()); // stepping past the end would run the statement again
            Assert.True(reader.HasRows);
        }

        statement.Bind(Parameters(("@from", 5L)));
        using var none = new SqliteStatementReader(statement);
        Assert.False(none.HasRows);
        Assert.False(none.Read());
    }

    [Fact]
    public void AMissingParameterOrAValueOfATypeNotBoundIsRefusedWithItsName()
    {
        using var connection = Database("UTF-8");
        using var statement = new SqliteStatement(connection.Handle!, Values, utf8: true);
        Assert.Equal("Must add values for the following parameters: @from", Assert.Throws<InvalidOperationException>(() => statement.Bind(Parameters())).Message);
        // A value the statement has no parameter for is left unused, as Microsoft.Data.Sqlite leaves it.
        Assert.Equal("Must add values for the following parameters: @from", Assert.Throws<InvalidOperationException>(() => statement.Bind(Parameters(("@to", 1L)))).Message);
        Assert.Equal(
            "A prepared read binds text, numbers, booleans and bytes; parameter '@from' is a DateTimeOffset.",
            Assert.Throws<NotSupportedException>(() => statement.Bind(Parameters(("@from", DateTimeOffset.UnixEpoch)))).Message);
    }

    [Fact]
    public void ASecondStatementInTheTextOrAnErrorOfSqliteIsReportedAsSqliteReportsIt()
    {
        using var connection = Database("UTF-8");
        Assert.Throws<ArgumentException>(() => new SqliteStatement(connection.Handle!, "SELECT 1; SELECT 2", utf8: true));
        var error = Assert.Throws<SqliteException>(() => new SqliteStatement(connection.Handle!, "SELECT * FROM missing", utf8: true));
        Assert.Equal("SQLite Error 1: 'no such table: missing'.", error.Message);
    }

    [Fact]
    public void AFinishedRunHoldsNoReadSoACheckpointEmptiesTheLog()
    {
        using var connection = Database("UTF-8");
        using var statement = new SqliteStatement(connection.Handle!, Values, utf8: true);
        statement.Bind(Parameters(("@from", 0L)));
        using (var reader = new SqliteStatementReader(statement))
        {
            Assert.True(reader.Read()); // left half-way: disposing the reader ends the run
        }

        using var writer = new SqliteConnection($"Data Source={_folder.Combine("UTF-8.db")};Pooling=False");
        writer.Open();
        using (var write = writer.CreateCommand())
        {
            write.CommandText = "INSERT INTO v VALUES (9, 'late', 9, 9.5, NULL)";
            write.ExecuteNonQuery();
        }

        using (var truncate = writer.CreateCommand())
        {
            truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var checkpoint = truncate.ExecuteReader();
            Assert.True(checkpoint.Read());
            Assert.Equal(0L, checkpoint.GetInt64(0)); // not busy: no reader holds an older snapshot
        }

        statement.Bind(Parameters(("@from", 9L)));
        using var again = new SqliteStatementReader(statement);
        Assert.True(again.Read());
        Assert.Equal("late", again.GetString(1));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static string Describe(System.Data.Common.DbDataReader reader) => string.Join(
        " ",
        Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
            ? $"{reader.GetName(i)}=null"
            : i == 4 ? $"{reader.GetName(i)}={Convert.ToHexString((byte[])reader.GetValue(i))}"
            : $"{reader.GetName(i)}={reader.GetString(i)}|{(i == 1 ? "" : reader.GetInt64(i).ToString(System.Globalization.CultureInfo.InvariantCulture))}|{reader.GetValue(i)}"));

    private static SqliteParameterCollection Parameters(params (string Name, object Value)[] values)
    {
        using var command = new SqliteCommand();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.Parameters;
    }

    private SqliteConnection Database(string encoding)
    {
        var connection = new SqliteConnection($"Data Source={_folder.Combine(encoding + ".db")};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = $"""
            PRAGMA encoding = '{encoding}';
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS v (k INTEGER PRIMARY KEY, t TEXT, n INTEGER, r REAL, b BLOB);
            DELETE FROM v;
            INSERT INTO v VALUES (0, 'plain', 0, 0.0, x'00ff'), (1, 'Zürich — 東京 🚀', -1, -2.5, NULL), (2, '', 9007199254740993, 1e300, x''),
              (3, NULL, NULL, NULL, NULL), (4, '42', 42, 42.0, x'2a');
            """;
        create.ExecuteNonQuery();
        return connection;
    }
}
