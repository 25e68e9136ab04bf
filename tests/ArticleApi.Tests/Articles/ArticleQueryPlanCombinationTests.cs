using System.Data.Common;
using System.Globalization;
using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Http;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Xunit.Abstractions;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Every filter, and every pair of filters, with every sort, on the 100,000 generated articles of
/// <see cref="ArticleQueryPlanTests"/>: the first page must cost a bounded amount of work whatever the combination.
/// Work is SQLite's own count of virtual-machine steps for the page's statement (<c>SQLITE_STMTSTATUS_VM_STEP</c>),
/// which grows with every row read, tested or sorted: a plan that reads a filter's 33,000 rows and sorts them, or walks
/// the whole sort index to find a few matches, costs hundreds of thousands of steps; a page read in sort order a few
/// thousand.
/// </summary>
public sealed class ArticleQueryPlanCombinationTests(ArticleQueryPlanTests.LargeDatabase database, ITestOutputHelper output)
    : IClassFixture<ArticleQueryPlanTests.LargeDatabase>
{
    /// <summary>About 5,000 rows read and tested or sorted (a step count measured per row is 10 to 20).</summary>
    public const long MaxSteps = 100_000;

    private static readonly (string Name, Func<ArticleListParameters, ArticleListParameters> Apply)[] Filters =
    [
        ("published=true", p => p with { Published = "true" }),
        ("published=false", p => p with { Published = "false" }),
        ("minQuality=60", p => p with { MinQuality = "60" }),
        ("maxQuality=20", p => p with { MaxQuality = "20" }),
        ("minQuality=98", p => p with { MinQuality = "98" }),
        ("minHeat=50", p => p with { MinHeat = "50" }),
        ("maxHeat=10", p => p with { MaxHeat = "10" }),
        ("type=video", p => p with { Type = "video" }),
        ("type=article", p => p with { Type = "article" }),
        ("category=news", p => p with { Category = "news" }),
        // Values no article has: a walk of the sort index would read every row to find nothing.
        ("type=podcast", p => p with { Type = "podcast" }),
        ("category=opinion", p => p with { Category = "opinion" }),
        // Every tenth article is a video, and their quality is a multiple of ten: with type=video no row matches,
        // though each filter alone matches about 8,000.
        ("minQuality=91&maxQuality=99", p => p with { MinQuality = "91", MaxQuality = "99" }),
        ("topic=topic-7", p => p with { Topic = ["topic-7"] }),
        ("topic=topic-7,topic-9", p => p with { Topic = ["topic-7", "topic-9"] }),
        ("topic=topic-7,topic-107&topicMatch=all", p => p with { Topic = ["topic-7", "topic-107"], TopicMatch = "all" }),
        ("provider=provider-3.example", p => p with { Provider = ["provider-3.example"] }),
        ("provider=provider-3.example,provider-4.example", p => p with { Provider = ["provider-3.example", "provider-4.example"] }),
        ("from=2020-09-20", p => p with { From = "2020-09-20" }),
        ("to=2020-10-01", p => p with { To = "2020-10-01" }),
        ("q=generated", p => p with { Q = "generated" }),
    ];

    public static TheoryData<string> Sorts => [.. ArticleSort.Names.Where(n => n != "relevance")];

    [SqliteTheory]
    [MemberData(nameof(Sorts))]
    public async Task EveryFilterAndEveryPairOfFiltersReadsABoundedNumberOfRows(string sort)
    {
        var combinations = Filters.Select(f => (f.Name, f.Apply))
            .Concat(Filters.SelectMany((first, index) => Filters.Skip(index + 1)
                .Where(second => Parameter(first.Name) != Parameter(second.Name))
                .Select(second => ($"{first.Name}&{second.Name}", (Func<ArticleListParameters, ArticleListParameters>)(p => second.Apply(first.Apply(p)))))));
        var failures = new List<string>();
        foreach (var (name, apply) in combinations)
        {
            var (steps, plan) = await MeasureAsync(apply(new ArticleListParameters { Sort = sort }));
            output.WriteLine($"{steps,9} {name}&sort={sort}: {string.Join(" | ", plan)}");
            if (steps > MaxSteps)
            {
                failures.Add($"{name}&sort={sort}: {steps} steps: {string.Join(" | ", plan)}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>A deep popularity page: the rest of the cursor's heat is one seek on (Heat, Recency, Id), whatever the filter.</summary>
    [SqliteTheory]
    [InlineData("")]
    [InlineData("minQuality=60")]
    [InlineData("type=video")]
    [InlineData("topic=topic-7")]
    [InlineData("provider=provider-3.example")]
    [InlineData("provider=provider-3.example,provider-4.example")]
    public async Task APopularityPageAfterADeepCursorReadsABoundedNumberOfRows(string filter)
    {
        var recency = new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var cursor = new Cursor("popularity", new PopularityPosition(50, recency), "gen-050000").Encode();
        var apply = Filters.Select(f => ((string Name, Func<ArticleListParameters, ArticleListParameters> Apply)?)f).FirstOrDefault(f => f!.Value.Name == filter)?.Apply ?? (p => p);

        var (steps, plan) = await MeasureAsync(apply(new ArticleListParameters { Sort = "popularity", Cursor = cursor }));

        output.WriteLine($"{steps,9} {filter}&sort=popularity&cursor: {string.Join(" | ", plan)}");
        Assert.True(steps <= MaxSteps, $"{steps} steps: {string.Join(" | ", plan)}");
    }

    /// <summary>Pairs name two different parameters; minQuality and maxQuality count as one (60 and 20 would contradict).</summary>
    private static string Parameter(string filter) =>
        filter.Split('=')[0].Replace("min", "", StringComparison.Ordinal).Replace("max", "", StringComparison.Ordinal);

    private async Task<(long Steps, List<string> Plan)> MeasureAsync(ArticleListParameters parameters)
    {
        using var scope = database.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<IFullTextSearch>();
        var reader = new ParameterReader();
        var query = ArticleQuery.Parse(parameters, reader) ?? throw new InvalidOperationException(string.Join("; ", reader.Errors.Select(e => e.Key)));
        var counts = await scope.ServiceProvider.GetRequiredService<ArticleCounts>().GetAsync(CancellationToken.None);
        var frequent = query.Search is not null && await search.CountAsync(context, query.Search, ArticleFilters.FrequentSearch + 1, CancellationToken.None) > ArticleFilters.FrequentSearch;
        var driver = await scope.ServiceProvider.GetRequiredService<FilterSizes>().ChooseDriverAsync(context, query, counts, CancellationToken.None);
        // Several providers are read one at a time (SeveralProviders): the page costs the sum of their statements.
        var steps = 0L;
        var plan = new List<string>();
        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        foreach (var one in SeveralProviders.Split(query, driver, frequent) ?? [query])
        {
            var filtered = ArticleFilters.Apply(context.Articles, one, context, search, counts, frequent, driver);
            var sql = ArticleKeyset.Segments(filtered, one, context, search, driver).First().Take(one.Limit + 1).ToQueryString();
            plan.AddRange(Plan(connection, sql));
            steps += Steps(connection.Handle!, sql);
        }

        return (steps, plan);
    }

    private static List<string> Plan(SqliteConnection connection, string sql)
    {
        var plan = new List<string>();
        using (var explain = connection.CreateCommand())
        {
            explain.CommandText = "EXPLAIN QUERY PLAN " + ExtractParameters(sql, explain);
            using var rows = explain.ExecuteReader();
            while (rows.Read())
            {
                plan.Add(rows.GetString(3));
            }
        }

        return plan;
    }

    /// <summary>
    /// Runs the page's statement through SQLite's own API (Microsoft.Data.Sqlite does not hand out its statements)
    /// and reads its step counter.
    /// </summary>
    private static long Steps(sqlite3 db, string sql)
    {
        using var parameters = new SqliteCommand();
        var text = ExtractParameters(sql, parameters);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db, text, out var statement));
        using (statement)
        {
            foreach (SqliteParameter parameter in parameters.Parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
                index = index == 0 ? raw.sqlite3_bind_parameter_index(statement, "@" + parameter.ParameterName) : index;
                if (index == 0)
                {
                    continue; // listed by ToQueryString, not used by this segment
                }

                var bound = parameter.Value switch
                {
                    long number => raw.sqlite3_bind_int64(statement, index, number),
                    double number => raw.sqlite3_bind_double(statement, index, number),
                    _ => raw.sqlite3_bind_text(statement, index, (string)parameter.Value!),
                };
                Assert.Equal(raw.SQLITE_OK, bound);
            }

            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }

            Assert.True(result == raw.SQLITE_DONE, $"{raw.sqlite3_errmsg(db).utf8_to_string()}: {text}");
            return raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0);
        }
    }

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
}
