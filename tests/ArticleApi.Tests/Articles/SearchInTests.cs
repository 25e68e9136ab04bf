using System.Text.RegularExpressions;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>searchIn restricts q to some fields. The one sample with a markdown body is the edge inference kit.</summary>
public sealed class SearchInTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Kit = "downloads-edge-inference-starter-kit-for-onnx-runtime";

    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("edge", "title")]
    [InlineData("edge", "excerpt")]
    [InlineData("edge", "title,excerpt")]
    [InlineData("cloud", "excerpt")]
    [InlineData("serverless", "title")]
    [InlineData("model", "excerpt,title")]
    public async Task AWordIsFoundOnlyInTheFieldsNamed(string word, string searchIn)
    {
        var fields = searchIn.Split(',');
        var expected = SampleRows.Ordered(
            SampleRows.Articles(fixture).Where(r => (fields.Contains("title") && HasWord(r.Title, word)) || (fields.Contains("excerpt") && HasWord(r.Excerpt, word))),
            r => r.Published, descending: true);

        var ids = await _client.GetAllIdsAsync($"/articles?q={word}&searchIn={searchIn}&limit=100");

        Assert.Equal(expected, ids);
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task TitleAndExcerptAreTheDefaultAndTheBodyIsSearchedWhenNamed()
    {
        Assert.Empty(await _client.GetAllIdsAsync("/articles?q=mit"));
        Assert.Empty(await _client.GetAllIdsAsync("/articles?q=mit&searchIn=title,excerpt"));
        Assert.Equal([Kit], await _client.GetAllIdsAsync("/articles?q=mit&searchIn=body"));
        Assert.Equal([Kit], await _client.GetAllIdsAsync("/articles?q=dockerfile&searchIn=title,excerpt,body"));
        Assert.Equal(await _client.GetAllIdsAsync("/articles?q=edge"), await _client.GetAllIdsAsync("/articles?q=edge&searchIn=excerpt,title"));
    }

    [Fact]
    public async Task WordsMayMatchInDifferentFieldsOfThoseNamedAndExclusionsLookOnlyThere()
    {
        // "template" is in the kit's excerpt only, "dockerfile" in its body only.
        Assert.Equal([Kit], await _client.GetAllIdsAsync("/articles?q=template%20dockerfile&searchIn=excerpt,body"));
        Assert.Empty(await _client.GetAllIdsAsync("/articles?q=template%20dockerfile&searchIn=excerpt"));
        Assert.Empty(await _client.GetAllIdsAsync("/articles?q=template%20-dockerfile&searchIn=excerpt,body"));
        Assert.Contains(Kit, await _client.GetAllIdsAsync("/articles?q=template%20-dockerfile&searchIn=excerpt"));
    }

    [Fact]
    public async Task ABodyMatchIsMarkedInTheSnippetAndRanksBelowATitleMatch()
    {
        var body = await _client.GetJsonAsync("/articles?q=mit&searchIn=body");
        var snippet = Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>MIT</mark>", snippet, StringComparison.Ordinal);

        // "inference" is in the kit's title and in other articles' excerpts: the title match comes first.
        var ranked = await _client.GetAllIdsAsync("/articles?q=inference&searchIn=title,excerpt,body&sort=relevance&limit=100");
        Assert.Equal(Kit, ranked[0]);
        Assert.True(ranked.Count > 1);
    }

    private static bool HasWord(string? text, string word) =>
        text is not null && Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase);
}
