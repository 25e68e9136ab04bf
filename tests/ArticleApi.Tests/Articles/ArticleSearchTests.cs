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
    [InlineData("title:kubernetes", "title kubernetes")]
    [InlineData("^kubernetes", "kubernetes")]
    [InlineData("kube**", "kube")]
    [InlineData("kubernetes &", "kubernetes")]
    public async Task PunctuationOutsideTheSyntaxIsTakenLiterallyNeverAnError(string q, string text)
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=" + Uri.EscapeDataString(q));

        Assert.All(ids, id => Assert.Contains(id, SampleRows.Ordered(Rows.Where(r => Contains(r, "kube")), r => r.Published, true)));
        Assert.Equal(text.StartsWith("title", StringComparison.Ordinal) ? [] : SampleRows.Ordered(Rows.Where(r => ContainsWordStartingWith(r, text)), r => r.Published, true), ids);
    }

    [Theory]
    [InlineData("NEAR(kubernetes", "has a '(' without its ')'.")]
    [InlineData("\"unterminated phrase", "has a '\"' without its closing '\"'.")]
    [InlineData("kubernetes OR", "has an OR without a term on each side.")]
    [InlineData("-kubernetes", "only excludes: add a word to match beside NOT or -word.")]
    [InlineData("kubernetes AND NOT", "has a NOT without the term it excludes.")]
    [InlineData("kubernetes OR -edge", "has an exclusion as one side of OR: NOT and -word exclude from what the terms beside them match.")]
    public async Task ASearchThatCannotBeReadIsAValidationProblemSayingWhy(string q, string message)
    {
        await _client.AssertProblemAsync("/articles?q=" + Uri.EscapeDataString(q), System.Net.HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new Dictionary<string, string[]> { ["q"] = [message] });
    }

    [Fact]
    public async Task OrMatchesEitherTerm()
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=" + Uri.EscapeDataString("quantum OR webassembly"));

        Assert.Equal(SampleRows.Ordered(Rows.Where(r => Contains(r, "quantum") || Contains(r, "webassembly")), r => r.Published, true), ids);
        Assert.True(ids.Count > 2);
    }

    [Theory]
    [InlineData("kubernetes -security")]
    [InlineData("kubernetes NOT security")]
    public async Task AnExclusionRemovesWhatItMatches(string q)
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=" + Uri.EscapeDataString(q));

        var expected = SampleRows.Ordered(Rows.Where(r => Contains(r, "kubernetes") && !Contains(r, "security")), r => r.Published, true);
        Assert.Equal(expected, ids);
        Assert.True(expected.Count > 0 && expected.Count < Rows.Count(r => Contains(r, "kubernetes")));
    }

    [Fact]
    public async Task ParenthesesGroupAlternativesBesideAnotherTerm()
    {
        var ids = await _client.GetAllIdsAsync("/articles?q=" + Uri.EscapeDataString("(kubernetes OR serverless) -\"cold starts\""));

        var expected = SampleRows.Ordered(
            Rows.Where(r => (Contains(r, "kubernetes") || Contains(r, "serverless")) && !Contains(r, "cold starts")), r => r.Published, true);
        Assert.Equal(expected, ids);
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task SearchCombinesWithFiltersAndTotal()
    {
        var body = await _client.GetJsonAsync("/articles?q=kubernetes&published=true&includeTotal=true");

        Assert.Equal(Rows.Count(r => Contains(r, "kubernetes") && r.IsPublished == true), body.GetProperty("total").GetInt32());
    }

    private static bool ContainsWordStartingWith(ArticleRow row, string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(row.Title + " " + row.Excerpt, $@"\b{System.Text.RegularExpressions.Regex.Escape(text)}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static bool Contains(ArticleRow row, string text) =>
        row.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || (row.Excerpt ?? "").Contains(text, StringComparison.OrdinalIgnoreCase);
}
