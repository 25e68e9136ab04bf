using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>The real corpus (when present beside the repository): every sort pages through every article exactly once.</summary>
public sealed class CorpusPagingTests
{
    [SkippableFact]
    public async Task EverySortPagesThroughTheWholeCorpusOnceInTheIndependentOrder()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), "no corpus beside the repository");
        using var factory = new ArticleApiFactory(TestPaths.Corpus);
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        var rows = SampleRows.Articles(factory);

        foreach (var (sort, key) in new (string, Func<ArticleRow, long?>)[] { ("-publishedDateTime", r => r.Published), ("quality", r => r.Quality), ("-heat", r => r.Heat) })
        {
            var ids = await client.GetAllIdsAsync($"/articles?sort={sort}&limit=100");

            Assert.Equal(SampleRows.Ordered(rows, key, sort.StartsWith('-')), ids);
        }

        Assert.True(rows.Count > 1000);
    }
}
