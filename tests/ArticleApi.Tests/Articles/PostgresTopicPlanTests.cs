using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Data.Postgres;
using ArticleApi.Http;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// A topic's first page on PostgreSQL, for every sort, on 100,000 generated articles, each in one of 25 topics of
/// about 4,000 spread over every order and in one of 25 more that follow its quality: the statement the list sends is
/// run under <c>EXPLAIN (ANALYZE, BUFFERS)</c> and the rows it reads from Articles are counted. For a spread topic a walk
/// of the sort index finds a page after about 21 x 25 = 525 rows; reading its 4,000 articles and sorting them costs
/// eight times that (80 req/s in the distinct-request benchmark at 100,000 articles). For a topic that follows the
/// quality, a walk by quality may pass most of the table before its first article: that page must cost no more than a
/// read.
/// </summary>
public sealed class PostgresTopicPlanTests(PostgresTopicPlanTests.TopicDatabase database, ITestOutputHelper output)
    : IClassFixture<PostgresTopicPlanTests.TopicDatabase>
{
    public const int ArticleCount = 100_000;

    public const int TopicCount = 25;

    /// <summary>Four times what a walk reads for a page of 21 (525 rows); reading the topic whole reads 4,000.</summary>
    public const long MaxArticleRows = 2_000;

    /// <summary>What reading and sorting a topic of 4,000 costs, in rows walked (PlanCost.SortCostPerRow), and a page.</summary>
    public const long MaxArticleRowsOfAGatheredTopic = 8_021;

    public static TheoryData<string> Sorts => [.. ArticleSort.Names.Where(n => n != "relevance")];

    [PostgresTheory]
    [MemberData(nameof(Sorts))]
    public async Task ATopicsPageReadsABoundedNumberOfArticles(string sort)
    {
        var (rows, driver, plan) = await MeasureAsync("spread-7", sort);

        Assert.True(rows <= MaxArticleRows, $"sort={sort}: {rows} rows of Articles read (driver {driver?.ToString() ?? "none"}): {plan}");
    }

    [PostgresTheory]
    [MemberData(nameof(Sorts))]
    public async Task ATopicGatheredInTheOrderCostsNoMoreThanReadingIt(string sort)
    {
        var (rows, driver, plan) = await MeasureAsync("gathered-7", sort);

        Assert.True(rows <= MaxArticleRowsOfAGatheredTopic, $"sort={sort}: {rows} rows of Articles read (driver {driver?.ToString() ?? "none"}): {plan}");
    }

    private async Task<(long Rows, PlanDriver? Driver, JsonElement Plan)> MeasureAsync(string topic, string sort)
    {
        using var scope = database.Services.CreateScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<ArticleDbContext>();
        var search = services.GetRequiredService<IFullTextSearch>();
        var filterSizes = services.GetRequiredService<FilterSizes>();
        var reader = new ParameterReader();
        var parsed = ArticleQuery.Parse(new ArticleListParameters { Sort = sort }, reader)
            ?? throw new InvalidOperationException(string.Join("; ", reader.Errors.Select(e => e.Key)));
        var query = parsed with { RequiredTopic = topic }; // as /topics/{slug}/articles sets it
        // As the list reader builds it: the plan chosen from the counts, then the first segment of the keyset.
        var counts = await services.GetRequiredService<ArticleCounts>().GetAsync(CancellationToken.None);
        var driver = await filterSizes.ChooseDriverAsync(context, query, counts, CancellationToken.None);
        var filtered = ArticleFilters.Apply(context.Articles, query, context, search, counts, driver: driver);
        var hasNulls = await filterSizes.HasNullsAsync(context, query.Sort.Field, CancellationToken.None);
        var page = ArticleKeyset.Segments(filtered, query, context, search, driver, hasNulls).First().Take(query.Limit + 1);

        await context.Database.OpenConnectionAsync();
        await using var command = page.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + command.CommandText;
        using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        var root = plan.RootElement[0].GetProperty("Plan");

        var rows = ArticleRows(root);
        output.WriteLine($"{topic} {sort}: {rows} rows of Articles read, driver {driver?.ToString() ?? "none"}\n{page.ToQueryString()}\n{root}");
        return (rows, driver, root.Clone());
    }

    /// <summary>Rows each node over Articles read (returned or removed by a filter), times its loops, over the whole plan.</summary>
    private static long ArticleRows(JsonElement node)
    {
        long rows = 0;
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == "Articles")
        {
            var read = node.GetProperty("Actual Rows").GetDouble()
                + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetDouble() : 0)
                + (node.TryGetProperty("Rows Removed by Index Recheck", out var rechecked) ? rechecked.GetDouble() : 0);
            rows += (long)(read * node.GetProperty("Actual Loops").GetDouble());
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            rows += children.EnumerateArray().Sum(ArticleRows);
        }

        return rows;
    }

    /// <summary>An app over an empty folder whose PostgreSQL database is filled by plain SQL and analyzed, as an import pass leaves it.</summary>
    public sealed class TopicDatabase : ArticleApiFactory, IAsyncLifetime
    {
        public TopicDatabase()
            : base(Path.Combine(Path.GetTempPath(), "articleapi-tests", "no-such-folder"))
        {
        }

        public async Task InitializeAsync()
        {
            if (!TestDatabase.IsPostgres)
            {
                return;
            }

            _ = Server;
            using var scope = Services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
            // Articles a minute apart, every one with a date, quality and heat; spread-N by a hash of the key, gathered-N
            // by the quality (i % 100): gathered-7 holds the qualities 6, 31, 56 and 81.
            await context.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Topics" ("Slug", "Name") SELECT 'spread-' || i, 'Spread ' || i FROM generate_series(1, {TopicCount}) i;
                INSERT INTO "Topics" ("Slug", "Name") SELECT 'gathered-' || i, 'Gathered ' || i FROM generate_series(1, {TopicCount}) i;
                INSERT INTO "Articles" ("Id", "SourcePath", "ContentHash", "FileLength", "FileModifiedAt", "ImportedAt", "Title", "PublishedDateTime",
                    "Type", "Category", "Quality", "Heat", "Published", "Body")
                SELECT 'gen-' || lpad(i::text, 6, '0'), 'gen/' || lpad(i::text, 6, '0') || '.md', 'hash', 100, 0, 0, 'Generated article ' || i,
                    1600000000000 + i * 60000::bigint, CASE WHEN i % 10 = 0 THEN 'video' ELSE 'article' END, 'news', i % 100, i % 97, i % 3 <> 0, ''
                FROM generate_series(1, {ArticleCount}) i;
                INSERT INTO "ArticleTopics" ("ArticleKey", "TopicId", "Position")
                SELECT "Key", (SELECT "Id" FROM "Topics" WHERE "Slug" = 'spread-' || (abs(hashint8("Key")) % {TopicCount} + 1)), 0 FROM "Articles";
                INSERT INTO "ArticleTopics" ("ArticleKey", "TopicId", "Position")
                SELECT "Key", (SELECT "Id" FROM "Topics" WHERE "Slug" = 'gathered-' || ("Quality" % {TopicCount} + 1)), 1 FROM "Articles";
                """);
            await context.Database.OpenConnectionAsync();
            await PostgresStatistics.RefreshAsync(context.Database.GetDbConnection(), CancellationToken.None);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
