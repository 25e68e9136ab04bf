using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Pages found in the articles' columns in memory are the pages SQL finds, byte for byte, for random filters with
/// every sort and page size, followed cursor by cursor (on PostgreSQL too when the suite runs there).
/// </summary>
public sealed class ColumnPagesTests(SampleApiFixture sql, ColumnPagesFixture columns) : IClassFixture<SampleApiFixture>, IClassFixture<ColumnPagesFixture>
{
    private readonly HttpClient _sql = sql.CreateClient();
    private readonly HttpClient _columns = columns.CreateClient();

    [Fact]
    public async Task RandomFiltersWithEverySortPageAsSqlPages()
    {
        var random = new Random(20261206);
        var everything = await FacetOracle.AllItemsAsync(_sql, "/articles?");
        var held = new List<int>();
        for (var list = 0; list < 150; list++)
        {
            // Every other list asks for its total too: the count reuses its first page's match set, later pages remember it.
            var url = $"{FacetOracle.RandomList(random, everything)}&sort={PageComparison.Sorts[random.Next(PageComparison.Sorts.Count)]}&limit={random.Next(1, 8)}"
                + (list % 2 == 0 ? "&includeTotal=true" : "");
            held.Add(await PageComparison.AssertSamePagesAsync(_sql, _columns, url));
        }

        Assert.True(held.Count(h => h > 1 && h < everything.Count) >= 40, string.Join(',', held));
    }

    [Fact]
    public async Task RandomFiltersCountTheirTotalAndFacetsAsSqlDoes()
    {
        // With a page from the columns, the counts reuse its filter and match set.
        var random = new Random(6122026);
        var everything = await FacetOracle.AllItemsAsync(_sql, "/articles?");
        for (var list = 0; list < 60; list++)
        {
            var url = $"{FacetOracle.RandomList(random, everything)}&sort={PageComparison.Sorts[random.Next(PageComparison.Sorts.Count)]}&limit={random.Next(1, 4)}"
                + "&includeTotal=true&facets=topic,provider,type,published,quality,month";
            Assert.Equal(await _sql.GetStringAsync(url), await _columns.GetStringAsync(url));
        }
    }

    [Fact]
    public async Task EverySortPagesThroughEveryArticleAsSqlDoes()
    {
        var count = (await FacetOracle.AllItemsAsync(_sql, "/articles?")).Count;
        foreach (var sort in PageComparison.Sorts)
        {
            Assert.Equal(count, await PageComparison.AssertSamePagesAsync(_sql, _columns, $"/articles?sort={sort}&limit=3"));
        }
    }

    [Fact]
    public async Task APageFromTheColumnsRunsOnlyTheStatementOfItsRows()
    {
        var counter = new StatementCounter();
        using var host = columns.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        var first = await client.GetJsonAsync("/articles?published=true&minQuality=50&sort=-heat&limit=2");
        counter.Clear(); // the columns' read, once per data version, is behind us

        var page = await client.GetJsonAsync("/articles?published=false&maxHeat=80&sort=quality&limit=2");
        Assert.Single(counter.Statements);
        counter.Clear();
        await client.GetJsonAsync(first.GetProperty("next").GetString()!);
        Assert.Equal(2, counter.Statements.Count); // + the cursor's article, which places the position
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ByDefaultPagesComeThroughSqlUntilTheColumnsAreRead()
    {
        var counter = new StatementCounter();
        using var host = columns.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Lists:PagesFromColumns", "WhenRead");
            builder.ConfigureTestServices(counter.Join);
        });
        using var client = host.CreateClient();
        counter.Clear();
        var throughSql = await client.GetJsonAsync("/articles?published=true&sort=quality&limit=2");
        Assert.True(counter.Statements.Count >= 2, string.Join("\n---\n", counter.Statements)); // the page keys, then the rows

        await client.GetJsonAsync("/articles?includeTotal=true&limit=1"); // waits for the columns' read the list started
        counter.Clear();
        var fromColumns = await client.GetJsonAsync("/articles?published=true&sort=quality&limit=3"); // another URL: not the response cache's
        Assert.Single(counter.Statements);
        Assert.Equal(Ids(throughSql), Ids(fromColumns).Take(2));
    }

    [Fact]
    public async Task ACursorWhoseArticleWasDeletedGoesOnAfterItsPosition()
    {
        await using var factory = new ColumnPagesFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        var all = await FacetOracle.AllItemsAsync(client, "/articles?sort=-quality");
        var first = await client.GetJsonAsync("/articles?sort=-quality&limit=3");
        var last = first.GetProperty("items")[2];
        Assert.Equal(all[2].GetProperty("id").GetString(), last.GetProperty("id").GetString());

        File.Delete(Path.Combine(factory.SourceDirectory, last.GetProperty("sourcePath").GetString()!));
        await factory.ImportAsync();

        var second = await client.GetJsonAsync(first.GetProperty("next").GetString()!);
        Assert.Equal(all.Skip(3).Take(3).Select(item => item.GetProperty("id").GetString()), Ids(second));
    }

    private static IEnumerable<string?> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString());
}
