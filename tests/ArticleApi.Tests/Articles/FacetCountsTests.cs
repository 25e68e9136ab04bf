using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The total and every facet of random lists over the samples equal what the lists' own pages hold: counts come from
/// the articles' columns in memory, pages from SQL (the same run on PostgreSQL when the suite does).
/// </summary>
public sealed class FacetCountsTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task TheCountsOfRandomFiltersEqualWhatTheirPagesHold()
    {
        var random = new Random(20261205);
        var everything = await FacetOracle.AllItemsAsync(_client, "/articles?");
        var matched = new List<int>();
        for (var list = 0; list < 150; list++)
        {
            matched.Add(await FacetOracle.AssertCountsMatchPagesAsync(_client, FacetOracle.RandomList(random, everything)));
        }

        // Not only empty lists and everything: the draws must cover the ground between.
        Assert.Equal(everything.Count, await FacetOracle.AssertCountsMatchPagesAsync(_client, "/articles?"));
        Assert.True(matched.Count(m => m > 0 && m < everything.Count) >= 40, string.Join(',', matched));
        Assert.Contains(0, matched);
    }

    [Fact]
    public async Task AnUnknownTopicProviderTypeOrCategoryMatchesNothing()
    {
        foreach (var filter in new[] { "topic=no-such-topic", "provider=no-such.example", "type=no-such-type", "category=no-such-category" })
        {
            var body = await _client.GetJsonAsync($"/articles?{filter}&includeTotal=true&facets=type,year");
            Assert.Equal(0, body.GetProperty("total").GetInt32());
            Assert.Equal("""{"type":[],"year":[]}""", body.GetProperty("facets").GetRawText());
        }
    }
}
