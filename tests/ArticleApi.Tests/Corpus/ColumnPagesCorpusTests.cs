using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Corpus;

/// <summary>
/// Over the whole real corpus (ties on quality and heat by the hundred, undated items, items without heat), pages
/// found in the articles' columns are the pages SQL finds, byte for byte, cursor by cursor.
/// </summary>
public sealed class ColumnPagesCorpusTests
{
    private const string Absent = "../shared/corpus is absent beside the repository: the real-corpus tests need it";

    [SkippableFact]
    public async Task RandomFiltersWithEverySortPageAsSqlPages()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Corpus), Absent);
        await using var sql = new ArticleApiFactory(TestPaths.Corpus);
        _ = sql.Server;
        await sql.ImportAsync();
        await using var columns = ColumnPagesFixture.Over(TestPaths.Corpus);
        await columns.InitializeAsync();
        using var sqlClient = sql.CreateClient();
        using var columnsClient = columns.CreateClient();

        var everything = await FacetOracle.AllItemsAsync(sqlClient, "/articles?");
        foreach (var sort in PageComparison.Sorts)
        {
            Assert.Equal(1148, await PageComparison.AssertSamePagesAsync(sqlClient, columnsClient, $"/articles?sort={sort}&limit=100"));
        }

        var random = new Random(1148);
        var held = new List<int>();
        for (var list = 0; list < 60; list++)
        {
            var url = $"{FacetOracle.RandomList(random, everything)}&sort={PageComparison.Sorts[random.Next(PageComparison.Sorts.Count)]}&limit={random.Next(5, 40)}";
            held.Add(await PageComparison.AssertSamePagesAsync(sqlClient, columnsClient, url));
        }

        Assert.True(held.Count(h => h > 1 && h < everything.Count) >= 15, string.Join(',', held));
    }
}
