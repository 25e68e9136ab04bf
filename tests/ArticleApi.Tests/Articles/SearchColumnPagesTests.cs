using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Articles.Counting;
using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// A search sorted by date, quality, heat or popularity comes from the columns in memory once its matching rows are
/// kept (SearchRowsCache): the same pages as SQL, byte for byte, and only the statement of the page's rows (the
/// snippets are built from them). (On PostgreSQL too when the suite runs there.)
/// </summary>
public sealed class SearchColumnPagesTests(SampleApiFixture sql, ColumnPagesFixture columns) : IClassFixture<SampleApiFixture>, IClassFixture<ColumnPagesFixture>
{
    private const string GatedSetting = "test:gated-search";

    private readonly HttpClient _sql = sql.CreateClient();
    private readonly HttpClient _columns = columns.CreateClient();

    [Theory]
    [InlineData("cloud")]
    [InlineData("kubernetes OR azure")]
    [InlineData("cloud -azure")]
    [InlineData("serverl*")]
    public async Task EverySortOfASearchPagesAsSqlDoes(string search)
    {
        var everything = await FacetOracle.AllItemsAsync(_sql, $"/articles?q={Uri.EscapeDataString(search)}");
        Assert.True(everything.Count >= 3, $"{search}: {everything.Count} matches");
        foreach (var sort in PageComparison.Sorts)
        {
            var url = $"/articles?q={Uri.EscapeDataString(search)}&sort={sort}&limit=2";
            Assert.Equal(everything.Count, await PageComparison.AssertSamePagesAsync(_sql, _columns, url));
        }
    }

    [Fact]
    public async Task ASearchWhoseRowsAreKeptRunsOnlyTheStatementOfItsRows()
    {
        using var counted = Counted();
        var (client, counter) = (counted.Client, counted.Counter);
        await client.GetJsonAsync("/articles?q=cloud&limit=1"); // reads the columns and keeps the search's rows
        counter.Clear();

        var page = await client.GetJsonAsync("/articles?q=cloud&sort=-quality&limit=2");

        Assert.Single(counter.Statements);
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Contains("<mark>", item.GetProperty("snippet").GetString(), StringComparison.Ordinal));
        Assert.Equal(await _sql.GetStringAsync("/articles?q=cloud&sort=-quality&limit=2"), await client.GetStringAsync("/articles?q=cloud&sort=-quality&limit=2"));
    }

    [Fact]
    public async Task ByDefaultASearchGoesThroughSqlUntilItsRowsAreCollectedInTheBackground()
    {
        using var counted = Counted(("Lists:PagesFromColumns", "WhenRead"));
        var (client, counter) = (counted.Client, counted.Counter);
        await client.GetJsonAsync("/articles?includeTotal=true&limit=1"); // waits for the columns
        counter.Clear();
        var first = await client.GetStringAsync("/articles?q=kubernetes&sort=quality&limit=1");
        Assert.Contains(counter.Statements, statement => statement.Contains("ORDER BY", StringComparison.Ordinal)); // the page's keys through SQL

        // Each request another URL, so the response cache cannot answer; the collect runs beside them.
        var fromColumns = 0;
        for (var limit = 2; limit < 100 && fromColumns == 0; limit++)
        {
            counter.Clear();
            var page = await client.GetJsonAsync($"/articles?q=kubernetes&sort=quality&limit={limit}");
            fromColumns = counter.Statements.Count == 1 && !counter.Statements.Any(s => s.Contains("ORDER BY", StringComparison.Ordinal)) ? limit : 0;
            Assert.Equal(Ids(JsonDocument.Parse(first).RootElement), Ids(page).Take(1));
            await Task.Delay(fromColumns == 0 ? 50 : 0);
        }

        Assert.NotEqual(0, fromColumns);
    }

    [Fact]
    public async Task SearchesAskedForWhileAnotherIsCollectedAreQueuedAndCollectedInTurn()
    {
        // The collect of "gate" waits until the test opens the gate, so the other searches come while it runs; nothing
        // asks for them again, so only the queue can get them collected.
        using var counted = Counted(("Lists:PagesFromColumns", "WhenRead"), (GatedSetting, "on"));
        var client = counted.Client;
        await client.GetJsonAsync("/articles?includeTotal=true&limit=1"); // waits for the columns
        string[] words = ["gate", "kubernetes", "azure", "cloud", "serverless"];
        foreach (var word in words)
        {
            await client.GetJsonAsync($"/articles?q={word}&limit=1");
        }

        var services = counted.Services;
        var (cache, columns) = (services.GetRequiredService<SearchRowsCache>(), await services.GetRequiredService<ArticleColumnsCache>().GetAsync(default));
        var queries = words.Select(word => FullTextQueryParser.Parse(word, out _)!).ToList();
        Assert.DoesNotContain(queries, query => cache.IsKept(columns, query));

        services.GetRequiredService<GatedSearch>().Gate.Set();
        for (var wait = 0; wait < 200 && !queries.TrueForAll(query => cache.IsKept(columns, query)); wait++)
        {
            await Task.Delay(50);
        }

        Assert.All(queries, query => Assert.True(cache.IsKept(columns, query), query.Key));
    }

    [Fact]
    public async Task PastTheKeptSearchesASearchCollectsItsRowsForEachRequest()
    {
        using var counted = Counted(("Lists:KeptSearches", "1"));
        var (client, counter) = (counted.Client, counted.Counter);
        await client.GetJsonAsync("/articles?q=kubernetes&limit=1"); // kept: the one place
        await client.GetJsonAsync("/articles?q=azure&limit=1");

        counter.Clear();
        await client.GetJsonAsync("/articles?q=kubernetes&limit=2");
        Assert.Single(counter.Statements);

        counter.Clear();
        var azure = await client.GetStringAsync("/articles?q=azure&limit=2");
        Assert.Equal(2, counter.Statements.Count); // its matches again, then the rows
        Assert.Equal(await _sql.GetStringAsync("/articles?q=azure&limit=2"), azure);
    }

    // The column-pages app with these settings on top, its statements counted.
    private CountedHost Counted(params (string Key, string Value)[] settings)
    {
        var counter = new StatementCounter();
        return new CountedHost(columns.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                counter.Join(services);
                if (settings.Contains((GatedSetting, "on")))
                {
                    GatedSearch.Join(services);
                }
            });
        }), counter);
    }

    private static IEnumerable<string?> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString());

    private sealed class CountedHost(WebApplicationFactory<Program> host, StatementCounter counter) : IDisposable
    {
        public HttpClient Client { get; } = host.CreateClient();

        public StatementCounter Counter => counter;

        public IServiceProvider Services => host.Services;

        public void Dispose()
        {
            Client.Dispose();
            host.Dispose();
        }
    }
}
