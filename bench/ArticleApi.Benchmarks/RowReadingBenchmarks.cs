using ArticleApi.Articles;
using ArticleApi.Data.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace ArticleApi.Benchmarks;

/// <summary>
/// A page's 21 rows read from SQLite into <see cref="ArticleItemRow"/>s through <see cref="RowColumns"/>, as a list
/// page reads them (the columns and the statement's shape of Data/ArticleRowStatements' items, over a table of 20,000
/// rows of the generator's lengths in a temp file): through Microsoft.Data.Sqlite's reader, as the read path did, and
/// through <see cref="SqliteStatement"/>, as it does; and the statement alone, its values unread.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet ends a run with [GlobalCleanup], which disposes them.")]
public class RowReadingBenchmarks
{
    private const int Rows = 20_000;
    private const int PageRows = 21;
    private readonly Random _random = new(42);
    private string _folder = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _items = null!;
    private SqliteStatement _statement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("articleapi-bench-").FullName;
        _connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "rows.db")}");
        _connection.Open();
        Execute("""
            CREATE TABLE Providers (Domain TEXT PRIMARY KEY, Name TEXT);
            CREATE TABLE Articles (Key INTEGER PRIMARY KEY, Id TEXT NOT NULL, SourcePath TEXT NOT NULL, Title TEXT NOT NULL, Excerpt TEXT,
              PublishedDateTime INTEGER, WebUrl TEXT, Type TEXT, Category TEXT, Quality INTEGER, Heat INTEGER, Published INTEGER,
              ProviderDomain TEXT, ProviderName TEXT, Body TEXT NOT NULL, ListImage TEXT, ListTopics TEXT);
            """);
        using (var transaction = _connection.BeginTransaction())
        {
            for (var p = 0; p < 200; p++)
            {
                Execute($"INSERT INTO Providers VALUES ('p{p}.example', 'Provider {p}')");
            }

            using var insert = _connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO Articles VALUES ($key, 'news-' || $key || '-a-title', '0000/article-' || $key || '.md', $title, $excerpt, 1600000000000 + $key * 1000,
                  'https://example.com/news/' || $key, 'article', 'news', $key % 101, $key % 97, $key % 2, 'p' || ($key % 200) || '.example', NULL, '',
                  '["https://img.example.com/' || $key || '.png",1200,630]', '[["Cloud","cloud"],["Kubernetes","kubernetes"],["Azure","azure"]]')
                """;
            var (key, title, excerpt) = (insert.Parameters.Add("$key", SqliteType.Integer), insert.Parameters.Add("$title", SqliteType.Text), insert.Parameters.Add("$excerpt", SqliteType.Text));
            for (var row = 1; row <= Rows; row++)
            {
                (key.Value, title.Value, excerpt.Value) = (row, new string('t', 74), new string('e', 226));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _items = _connection.CreateCommand();
        _items.CommandText = """
            SELECT a."Key" AS "Key", a."Id" AS "Id", a."SourcePath" AS "SourcePath", a."Title" AS "Title", a."Excerpt" AS "Excerpt",
            a."PublishedDateTime" AS "PublishedDateTime", a."WebUrl" AS "WebUrl", a."Type" AS "Type", a."Category" AS "Category",
            a."Quality" AS "Quality", a."Heat" AS "Heat", a."Published" AS "Published", COALESCE(a."ProviderName", p."Name") AS "ProviderName",
            a."ProviderDomain" AS "ProviderDomain", a."ListImage" AS "FirstImage", a."ListTopics" AS "Topics"
            FROM "Articles" a LEFT JOIN "Providers" p ON p."Domain" = a."ProviderDomain"
            WHERE a."Key" IN (SELECT value FROM json_each(@p))
            """;
        _items.Parameters.Add("@p", SqliteType.Text);
        _items.Prepare();
        _statement = new SqliteStatement(_connection.Handle!, _items.CommandText, utf8: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _statement.Dispose();
        _items.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ThroughMicrosoftDataSqlite()
    {
        _items.Parameters[0].Value = Keys();
        var read = RowColumns.Reader(ArticleItemRow.Read);
        var total = 0;
        using var reader = _items.ExecuteReader();
        while (reader.Read())
        {
            total += read(reader).Title.Length;
        }

        return total;
    }

    [Benchmark]
    public int ThroughSqliteStatement()
    {
        _items.Parameters[0].Value = Keys();
        _statement.Bind(_items.Parameters);
        var read = RowColumns.Reader(ArticleItemRow.Read);
        var total = 0;
        using var reader = new SqliteStatementReader(_statement);
        while (reader.Read())
        {
            total += read(reader).Title.Length;
        }

        return total;
    }

    [Benchmark]
    public int TheStatementAlone()
    {
        _items.Parameters[0].Value = Keys();
        _statement.Bind(_items.Parameters);
        var rows = 0;
        using var reader = new SqliteStatementReader(_statement);
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private string Keys() => "[" + string.Join(',', Enumerable.Range(0, PageRows).Select(_ => _random.Next(1, Rows + 1))) + "]";

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
