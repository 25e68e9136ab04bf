using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Providers;

public sealed class ProviderEndpointTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task ProvidersAreCountedMostArticlesFirst()
    {
        var counts = SampleRows.Articles(fixture).Where(r => r.Provider is not null).GroupBy(r => r.Provider!).ToDictionary(g => g.Key, g => g.Count());

        var body = await _client.GetJsonAsync("/providers");

        var actual = body.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("domain").GetString()!, p.GetProperty("articleCount").GetInt32())).ToList();
        Assert.Equal(actual.OrderByDescending(p => p.Item2).ThenBy(p => p.Item1, StringComparer.Ordinal), actual);
        Assert.Equal(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)), actual.Where(p => p.Item2 > 0).OrderBy(p => p.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task QSearchesNameAndDomainIgnoringCase()
    {
        var body = await _client.GetJsonAsync("/providers?q=TECH");

        Assert.Equal(
            """{"items":[{"domain":"techcrunch.com","name":"TechCrunch","logo":{"url":"https://cloudbrief.example/assets/images/organizations/techcrunch.com-50x50.png","width":50,"height":50},"articleCount":5},{"domain":"arstechnica.com","name":"Ars Technica","logo":null,"articleCount":3}],"next":null}""",
            body.GetRawText());
    }

    [Fact]
    public async Task QWithLikeWildcardsMatchesThemLiterally()
    {
        var body = await _client.GetJsonAsync("/providers?q=%25");

        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AProviderHasItsLogoAndCount()
    {
        var body = await _client.GetJsonAsync("/providers/techcrunch.com");

        Assert.Equal(
            """{"domain":"techcrunch.com","name":"TechCrunch","logo":{"url":"https://cloudbrief.example/assets/images/organizations/techcrunch.com-50x50.png","width":50,"height":50},"articleCount":5}""",
            body.GetRawText());
    }

    [Fact]
    public async Task ProviderArticlesAreTheProvidersArticlesWithTheListSorts()
    {
        var expected = SampleRows.Ordered(SampleRows.Articles(fixture).Where(r => r.Provider == "venturebeat.com"), r => r.Heat, descending: true);

        var ids = await _client.GetAllIdsAsync("/providers/venturebeat.com/articles?sort=-heat&limit=2");

        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("/providers/no.such.example")]
    [InlineData("/providers/no.such.example/articles")]
    public async Task AnUnknownDomainIsNotFoundProblem(string url)
    {
        await _client.AssertProblemAsync(url, HttpStatusCode.NotFound, "Provider not found", "No provider has the domain 'no.such.example'.");
    }
}
