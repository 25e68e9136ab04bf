using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Corpus;

/// <summary>
/// Over the whole real corpus (both sites, every oddity), the total and every facet of random lists equal what the
/// lists' own pages hold: the in-memory counts against the SQL pages.
/// </summary>
public sealed class FacetCountsCorpusTests
{
    private const string Absent = "../shared/corpus is absent beside the repository: the real-corpus tests need it";

    [SkippableFact]
    public async Task TheCountsOfRandomFiltersEqualWhatTheirPagesHold()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        await using var factory = new ArticleApiFactory(TestPaths.Corpus);
        _ = factory.Server;
        await factory.ImportAsync();
        using var client = factory.CreateClient();

        var everything = await FacetOracle.AllItemsAsync(client, "/articles?");
        Assert.Equal(1148, await FacetOracle.AssertCountsMatchPagesAsync(client, "/articles?"));
        var random = new Random(1148);
        var matched = new List<int>();
        for (var list = 0; list < 80; list++)
        {
            matched.Add(await FacetOracle.AssertCountsMatchPagesAsync(client, FacetOracle.RandomList(random, everything)));
        }

        Assert.True(matched.Count(m => m > 0 && m < everything.Count) >= 20, string.Join(',', matched));
    }
}
