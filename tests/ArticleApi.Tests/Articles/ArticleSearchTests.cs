using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class ArticleSearchTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    private List<ArticleRow> Rows => SampleRows.Articles(fixture);

    [Fact]
    public async Task AWordFindsEveryArticleWithItInTitleOrExcerpt()
    {
        var expected = SampleRows.Ordered(Rows.Where(r => Contains(r, "kubernetes")), r => r.Published, descending: true);

        var ids = await _client.GetAllIdsAsync("/articles?q=Kubernetes&limit=2");

        Assert.Equal(expected, ids);
        Assert.Equal(5, Rows.Count(r => r.Title.Contains("Kubernetes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task QuantumMatchesTheTwoExcerptsThatSayIt()
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=quantum");

        Assert.Equal(2, ids.Count);
        Assert.Equal(SampleRows.Ordered(Rows.Where(r => Contains(r, "quantum")), r => r.Published, descending: true), ids);
    }

    [Fact]
    public async Task AQuotedPhraseMatchesOnlyTheWordsTogether()
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=%22vector%20database%22");

        Assert.Equal(SampleRows.Ordered(Rows.Where(r => Contains(r, "vector database")), r => r.Published, descending: true), ids);
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task APrefixMatchesEveryWordThatStartsWithIt()
    {
        var prefix = await _client.GetAllIdsAsync("/articles?q=kuber*");
        var word = await _client.GetAllIdsAsync("/articles?q=kuber");

        Assert.Equal(await _client.GetAllIdsAsync("/articles?q=kubernetes"), prefix);
        Assert.Empty(word);
    }

    [Theory]
    [InlineData("serverless")]
    [InlineData("edge")]
    public async Task RelevanceRanksTitleMatchesAboveExcerptOnlyMatchesAndPagesInThatOrder(string word)
    {
        var all = await _client.GetJsonAsync($"/articles?q={word}&sort=relevance&limit=100");
        var paged = await _client.GetAllIdsAsync($"/articles?q={word}&sort=relevance&limit=2");

        var inTitle = all.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        var titleMatches = Rows.Count(r => r.Title.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Rows.Count(r => Contains(r, word)), inTitle.Count);
        Assert.True(inTitle.Count > titleMatches, "an excerpt-only match is expected");
        Assert.Equal([.. Enumerable.Repeat(true, titleMatches), .. Enumerable.Repeat(false, inTitle.Count - titleMatches)], inTitle);
        Assert.Equal(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), paged);
    }

    [Fact]
    public async Task EachHitHasASnippetWithTheMatchMarked()
    {
        var body = await _client.GetJsonAsync("/articles?q=quantum");

        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            Assert.Contains("<mark>", item.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("quantum</mark>", item.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task WithoutASearchItemsHaveNoSnippet()
    {
        var body = await _client.GetJsonAsync("/articles?limit=1");

        Assert.False(body.GetProperty("items")[0].TryGetProperty("snippet", out _));
    }

    [Theory]
    [InlineData("NEAR(kubernetes")]
    [InlineData("\"unterminated phrase")]
    [InlineData("kubernetes OR")]
    [InlineData("-kubernetes")]
    [InlineData("title:kubernetes")]
    [InlineData("kubernetes AND NOT")]
    [InlineData("^kubernetes")]
    [InlineData("(kubernetes")]
    [InlineData("kube**")]
    public async Task SearchSyntaxCharactersAreTakenLiterallyNeverAnError(string q)
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=" + Uri.EscapeDataString(q));

        Assert.All(ids, id => Assert.Contains(id, SampleRows.Ordered(Rows.Where(r => Contains(r, "kube")), r => r.Published, true)));
    }

    [Fact]
    public async Task SearchCombinesWithFiltersAndTotal()
    {
        var body = await _client.GetJsonAsync("/articles?q=kubernetes&published=true&includeTotal=true");

        Assert.Equal(Rows.Count(r => Contains(r, "kubernetes") && r.IsPublished == true), body.GetProperty("total").GetInt32());
    }

    private static bool Contains(ArticleRow row, string text) =>
        row.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || (row.Excerpt ?? "").Contains(text, StringComparison.OrdinalIgnoreCase);
}
