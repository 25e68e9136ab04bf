using System.Globalization;
using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class ArticleListTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private static readonly long June1st2025 = DateTimeOffset.Parse("2025-06-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
    private static readonly long June12th2025 = DateTimeOffset.Parse("2025-06-12T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private readonly HttpClient _client = fixture.CreateClient();

    private List<ArticleRow> Rows => SampleRows.Articles(fixture);

    [Fact]
    public async Task FirstPageHasTwentyNewestItemsAndANextLinkInBodyAndHeader()
    {
        using var response = await _client.GetAsync("/articles");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var expected = SampleRows.Ordered(Rows, r => r.Published, descending: true).Take(20);
        Assert.Equal(expected, body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var next = body.GetProperty("next").GetString();
        Assert.StartsWith("/articles?cursor=", next, StringComparison.Ordinal);
        Assert.Equal($"<{next}>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
        Assert.False(body.TryGetProperty("total", out _));
        Assert.False(body.TryGetProperty("facets", out _));
    }

    [Theory]
    [InlineData("-publishedDateTime")]
    [InlineData("publishedDateTime")]
    [InlineData("-quality")]
    [InlineData("quality")]
    [InlineData("-heat")]
    [InlineData("heat")]
    public async Task PagingThroughEachSortGivesEveryArticleOnceInTheIndependentOrder(string sort)
    {
        var descending = sort.StartsWith('-');
        Func<ArticleRow, long?> key = sort.TrimStart('-') switch
        {
            "quality" => r => r.Quality,
            "heat" => r => r.Heat,
            _ => r => r.Published,
        };

        var ids = await _client.GetAllIdsAsync($"/articles?sort={sort}&limit=4");

        Assert.Equal(SampleRows.Ordered(Rows, key, descending), ids);
        Assert.Equal(35, ids.Count);
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "published=true", "published" },
        { "published=false", "unpublished" },
        { "minQuality=70", "minQuality" },
        { "maxQuality=50", "maxQuality" },
        { "minHeat=50", "minHeat" },
        { "maxHeat=20", "maxHeat" },
        { "topic=kubernetes", "kubernetes" },
        { "topic=kubernetes&topic=databases", "kubernetesOrDatabases" },
        { "topic=ai,kubernetes&topicMatch=all", "aiAndKubernetes" },
        { "provider=techcrunch.com", "techcrunch" },
        { "provider=techcrunch.com&provider=zdnet.com", "techcrunchOrZdnet" },
        { "from=2025-06-01", "fromJune" },
        { "to=2025-06-11", "toJune11Inclusive" },
        { "from=2025-06-01T00:00:00Z&to=2025-06-11", "june1To11" },
        { "from=2025-06-01T02:00:00%2B02:00", "fromJuneWithOffset" },
        { "type=video", "videos" },
        { "category=news", "news" },
        { "published=true&minQuality=60&topic=ai&provider=venturebeat.com&from=2025-01-01", "combined" },
        { "excludeTopic=ai", "notAi" },
        { "excludeTopic=ai,kubernetes", "neitherAiNorKubernetes" },
        { "excludeProvider=techcrunch.com&excludeProvider=zdnet.com", "notTechcrunchNorZdnet" },
        { "topic=kubernetes&excludeTopic=security&excludeProvider=techcrunch.com", "kubernetesWithoutSecurityOrTechcrunch" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilterMatchesTheIndependentSelectionAcrossPagesWithItsTotal(string query, string name)
    {
        Func<ArticleRow, bool> predicate = name switch
        {
            "published" => r => r.IsPublished == true,
            "unpublished" => r => r.IsPublished == false,
            "minQuality" => r => r.Quality >= 70,
            "maxQuality" => r => r.Quality <= 50,
            "minHeat" => r => r.Heat >= 50,
            "maxHeat" => r => r.Heat <= 20,
            "kubernetes" => r => r.Topics.Contains("kubernetes"),
            "kubernetesOrDatabases" => r => r.Topics.Contains("kubernetes") || r.Topics.Contains("databases"),
            "aiAndKubernetes" => r => r.Topics.Contains("ai") && r.Topics.Contains("kubernetes"),
            "techcrunch" => r => r.Provider == "techcrunch.com",
            "techcrunchOrZdnet" => r => r.Provider is "techcrunch.com" or "zdnet.com",
            "fromJune" or "fromJuneWithOffset" => r => r.Published >= June1st2025,
            "toJune11Inclusive" => r => r.Published < June12th2025,
            "june1To11" => r => r.Published >= June1st2025 && r.Published < June12th2025,
            "videos" => r => r.Type == "video",
            "news" => r => r.Category == "news",
            "combined" => r => r.IsPublished == true && r.Quality >= 60 && r.Topics.Contains("ai") && r.Provider == "venturebeat.com"
                && r.Published >= DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            "notAi" => r => !r.Topics.Contains("ai"),
            "neitherAiNorKubernetes" => r => !r.Topics.Contains("ai") && !r.Topics.Contains("kubernetes"),
            "notTechcrunchNorZdnet" => r => r.Provider is not ("techcrunch.com" or "zdnet.com"),
            "kubernetesWithoutSecurityOrTechcrunch" => r => r.Topics.Contains("kubernetes") && !r.Topics.Contains("security") && r.Provider != "techcrunch.com",
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var expected = SampleRows.Ordered(Rows.Where(predicate), r => r.Published, descending: true);

        var ids = await _client.GetAllIdsAsync($"/articles?{query}&limit=3");
        var first = await _client.GetJsonAsync($"/articles?{query}&includeTotal=true");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, first.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnItemCarriesTheFrontMatterKeysWithTheFirstImage()
    {
        var body = await _client.GetJsonAsync("/articles?q=%22fast%20cold%20starts%22");

        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(
            """{"id":"news-2026-05-20-serverless-containers-finally-get-fast-cold-starts","sourcePath":"news/2026-05-20-serverless-containers-finally-get-fast-cold-starts.md","title":"Serverless containers finally get fast cold starts","excerpt":"Snapshot-based startup brings a 2 GB container from zero to serving in under 300 milliseconds, according to benchmarks shared at a cloud conference this week.","publishedDateTime":"2026-05-20T11:00:00+00:00","webUrl":"https://venturebeat.com/ai/serverless-containers-finally-get-fast-cold-starts/","type":"article","category":"news","quality":70,"heat":52,"published":true,"provider":{"name":"VentureBeat","domain":"venturebeat.com"},"topics":[{"name":"Serverless","slug":"serverless"},{"name":"Developer Tools","slug":"developer-tools"}],"image":{"url":"https://venturebeat.com/wp-content/uploads/2026/05/serverless-containers.jpg?w=1200&strip=all","width":1200,"height":675},"snippet":"Serverless containers finally get <mark>fast cold starts</mark>"}""",
            item.GetRawText());
    }

    [Fact]
    public async Task FacetsCountTheCurrentFilterPerValue()
    {
        var body = await _client.GetJsonAsync("/articles?published=true&facets=topic,provider&facets=published,type&limit=1");
        var published = Rows.Where(r => r.IsPublished == true).ToList();

        var facets = body.GetProperty("facets");
        Assert.Equal(Expected(published.SelectMany(r => r.Topics)), Actual(facets, "topic"));
        Assert.Equal(Expected(published.Select(r => r.Provider).OfType<string>()), Actual(facets, "provider"));
        Assert.Equal(Expected(published.Select(r => r.Type).OfType<string>()), Actual(facets, "type"));
        Assert.Equal([("true", published.Count)], Actual(facets, "published"));

        static List<(string, int)> Expected(IEnumerable<string> values) =>
            [.. values.GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).Take(20)];

        static List<(string, int)> Actual(System.Text.Json.JsonElement facets, string name) =>
            [.. facets.GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt32()))];
    }

    [Fact]
    public async Task CategoryAndRangesOfQualityAndHeatAreCountedWithinTheFilter()
    {
        var body = await _client.GetJsonAsync("/articles?minQuality=20&facets=category,quality,heat&limit=1");
        var rows = Rows.Where(r => r.Quality >= 20).ToList();

        var facets = body.GetProperty("facets");
        Assert.Equal(
            [.. rows.Select(r => r.Category).OfType<string>().GroupBy(c => c).Select(g => (g.Key, g.Count()))
                .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)],
            Actual(facets, "category"));
        Assert.Equal(Ranges(rows.Select(r => r.Quality)), Actual(facets, "quality"));
        Assert.Equal(Ranges(rows.Select(r => r.Heat)), Actual(facets, "heat"));
        Assert.NotEmpty(Actual(facets, "heat"));

        static List<(string, int)> Ranges(IEnumerable<int?> values) =>
            [.. values.OfType<int>().GroupBy(v => v < 0 ? -1 : v / 10).OrderBy(g => g.Key)
                .Select(g => (g.Key < 0 ? "-1" : $"{g.Key * 10}-{(g.Key * 10) + 9}", g.Count()))];

        static List<(string, int)> Actual(System.Text.Json.JsonElement facets, string name) =>
            [.. facets.GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt32()))];
    }

    [Fact]
    public async Task TheLastPageHasNoNextAndNoLinkHeader()
    {
        using var response = await _client.GetAsync("/articles?limit=100");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(35, body.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("next").ValueKind);
        Assert.False(response.Headers.Contains("Link"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
