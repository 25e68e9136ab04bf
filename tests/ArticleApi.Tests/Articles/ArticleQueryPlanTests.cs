using System.Data.Common;
using System.Globalization;
using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Import.Reading;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The hot list queries on 100,000 generated articles: EF's SQL is logged and SQLite's plan must seek an index in
/// sort order (no full scan of Articles), so page 5,000 costs what page 1 costs. Aliases are EF's (a = Articles).
/// </summary>
public sealed class ArticleQueryPlanTests(ArticleQueryPlanTests.LargeDatabase database, ITestOutputHelper output)
    : IClassFixture<ArticleQueryPlanTests.LargeDatabase>
{
    public const int ArticleCount = 100_000;

    [SqliteFact]
    public void TheDatabaseHoldsTheGeneratedArticles()
    {
        using var scope = database.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();

        Assert.Equal(ArticleCount, context.Articles.Count());
    }

    [SqliteFact]
    public void FirstPageNewestSeeksThePublishedIndexBackwards()
    {
        var plan = Plan(new ArticleListParameters());

        Assert.Equal(["SEARCH a USING COVERING INDEX IX_Articles_PublishedDateTime_Id (PublishedDateTime>?)"], plan);
    }

    [SqliteFact]
    public void PublishedWithMinimumQualitySeeksThePublishedIndex()
    {
        var plan = Plan(new ArticleListParameters { Published = "true", MinQuality = "60" });

        Assert.Equal(["SEARCH a USING INDEX IX_Articles_Published_PublishedDateTime_Id (Published=? AND PublishedDateTime>?)"], plan);
    }

    [SqliteFact]
    public void ATopicStartsFromTheTopicsArticlesAndSortsOnlyThose()
    {
        var plan = Plan(new ArticleListParameters { Topic = ["topic-7"] });

        // SQLite reads the topic's article keys from (TopicId, ArticleKey), fetches those rows by rowid and sorts
        // them: cost grows with the topic's size (1% of the rows here), never with the table or the page depth.
        Assert.Equal(
            [
                "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
                "LIST SUBQUERY 1",
                "SEARCH t USING COVERING INDEX IX_Topics_Slug (Slug=?)",
                "SEARCH a0 USING COVERING INDEX IX_ArticleTopics_TopicId_ArticleKey (TopicId=?)",
                "USE TEMP B-TREE FOR ORDER BY",
            ],
            plan);
    }

    [SqliteFact]
    public void ALargeTopicWalksTheSortOrderAndProbesEachArticlesTopics()
    {
        using var scope = database.Services.CreateScope();
        var topicId = scope.ServiceProvider.GetRequiredService<ArticleDbContext>().Topics.Single(t => t.Slug == "topic-7").Id;
        // As if topic-7 named half the articles: past PlanCost.LargestRead the filter becomes a probe per article.
        var counts = new ArticleCounts.Snapshot(new Dictionary<int, int> { [topicId] = 50_000 },
            new Dictionary<string, int> { ["topic-7"] = topicId }, new Dictionary<string, int>(), ArticleCount);

        var plan = Plan(new ArticleListParameters { Topic = ["topic-7"] }, counts);

        Assert.Equal(
            [
                "SEARCH a USING COVERING INDEX IX_Articles_PublishedDateTime_Id (PublishedDateTime>?)",
                "SEARCH a0 EXISTS USING COVERING INDEX IX_ArticleTopics_TopicId_ArticleKey (TopicId=? AND ArticleKey=?)",
            ],
            plan);
    }

    [SqliteFact]
    public void AFrequentSearchWalksTheSortOrderAndAsksTheFullTextIndexPerArticle()
    {
        // Every generated title says "Generated": past ArticleFilters.FrequentSearch matches, no collecting and sorting.
        var plan = Plan(new ArticleListParameters { Q = "generated" }, frequentSearch: true);

        Assert.Equal(
            [
                "SEARCH a USING COVERING INDEX IX_Articles_PublishedDateTime_Id (PublishedDateTime>?)",
                "CORRELATED SCALAR SUBQUERY 2",
                // FTS5's plan string: '=' a rowid equality (this article), 'M3' the MATCH (the hidden column after Title, Excerpt, Body): one doclist seek per article.
                "SCAN ArticlesFts VIRTUAL TABLE INDEX 0:=M3",
            ],
            plan);
    }

    [SqliteFact]
    public void AProviderSortedByHeatSeeksTheProviderHeatIndex()
    {
        var plan = Plan(new ArticleListParameters { Provider = ["provider-3.example"], Sort = "-heat" });

        Assert.Equal(["SEARCH a USING COVERING INDEX IX_Articles_ProviderDomain_Heat_Id (ProviderDomain=? AND Heat>?)"], plan);
    }

    [SqliteFact]
    public void ADeepKeysetPageSeeksToTheCursor()
    {
        var cursor = new Cursor("-publishedDateTime", (BaseMilliseconds + (ArticleCount / 2 * 60_000L)).ToString(CultureInfo.InvariantCulture), "gen-050000");

        var plan = Plan(new ArticleListParameters { Cursor = cursor.Encode() });

        Assert.Equal(["SEARCH a USING COVERING INDEX IX_Articles_PublishedDateTime_Id (PublishedDateTime>? AND PublishedDateTime<?)"], plan);
    }

    private const long BaseMilliseconds = 1_600_000_000_000;

    private List<string> Plan(ArticleListParameters parameters, ArticleCounts.Snapshot? counts = null, bool frequentSearch = false)
    {
        using var scope = database.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<IFullTextSearch>();
        var reader = new ParameterReader();
        var query = ArticleQuery.Parse(parameters, reader) ?? throw new InvalidOperationException(string.Join("; ", reader.Errors.Select(e => e.Key)));
        var filtered = ArticleFilters.Apply(context.Articles, query, context, search, counts, frequentSearch);
        var sql = ArticleKeyset.Segments(filtered, query, context, search).First().Take(query.Limit + 1).ToQueryString();
        output.WriteLine(sql);

        var connection = context.Database.GetDbConnection();
        context.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ExtractParameters(sql, command);
        using var rows = command.ExecuteReader();
        var plan = new List<string>();
        while (rows.Read())
        {
            plan.Add(rows.GetString(3));
        }

        output.WriteLine(string.Join(Environment.NewLine, plan));
        return plan;
    }

    /// <summary>ToQueryString puts SQLite parameters first as <c>.param set @name value</c> lines; turn them back into parameters.</summary>
    private static string ExtractParameters(string sql, DbCommand command)
    {
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            var literal = parts[1].Trim();
            parameter.Value = literal.StartsWith('\'')
                ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal)
                : long.TryParse(literal, CultureInfo.InvariantCulture, out var number) ? number : double.Parse(literal, CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
    }

    /// <summary>An app over an empty folder whose database is filled with generated rows by plain SQL in one transaction.</summary>
    public sealed class LargeDatabase : ArticleApiFactory, IAsyncLifetime
    {
        public LargeDatabase()
            : base(Path.Combine(Path.GetTempPath(), "articleapi-tests", "no-such-folder"))
        {
        }

        public async Task InitializeAsync()
        {
            if (TestDatabase.IsPostgres)
            {
                return;
            }

            _ = Server;
            using var scope = Services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            // 50 providers, 200 topics, 100,000 articles a minute apart (every 20th undated, every 7th without
            // quality), two topics each: enough rows for SQLite to prefer indexes where they exist.
            await context.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
                INSERT INTO Providers (Domain, Name) SELECT 'provider-' || i || '.example', 'Provider ' || i FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                INSERT INTO Topics (Slug, Name) SELECT 'topic-' || i, 'Topic ' || i FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ArticleCount})
                INSERT INTO Articles (Id, SourcePath, ContentHash, FileLength, FileModifiedAt, ImportedAt, Title, Excerpt, PublishedDateTime,
                    WebUrl, Link, Type, Category, Quality, Heat, Published, ProviderDomain, ProviderName, Body)
                SELECT printf('gen-%06d', i), printf('gen/%06d.md', i), 'hash', 100, 0, 0, 'Generated article ' || i, 'About item ' || (i % 1000),
                    CASE WHEN i % 20 = 0 THEN NULL ELSE {BaseMilliseconds} + i * 60000 END,
                    'https://example.org/' || i, 'https://example.org/' || i, CASE WHEN i % 10 = 0 THEN 'video' ELSE 'article' END, 'news',
                    CASE WHEN i % 7 = 0 THEN NULL ELSE i % 100 END, i % 97, i % 3 <> 0, 'provider-' || (i % 50 + 1) || '.example', 'Provider', ''
                FROM n;
                INSERT INTO ArticleTopics (ArticleKey, TopicId, Position) SELECT Key, Key % 200 + 1, 0 FROM Articles;
                INSERT INTO ArticleTopics (ArticleKey, TopicId, Position) SELECT Key, (Key + 100) % 200 + 1, 1 FROM Articles;
                """);
            await transaction.CommitAsync();
            // As an import pass leaves it: planner statistics gathered (sqlite_stat1).
            await context.Database.OpenConnectionAsync();
            await ArticleApi.Data.Sqlite.SqliteStatistics.RefreshAsync(context.Database.GetDbConnection(), CancellationToken.None);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
