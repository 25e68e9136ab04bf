using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class RelatedLinkTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task PagingGivesEveryLinkOnceAndThirtyFourOfThirtyNineResolve()
    {
        var items = await AllAsync("/related?limit=7");

        Assert.Equal(SampleRows.Related(fixture).Select(r => r.Id), items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(39, items.Count);
        Assert.Equal(34, items.Count(i => i.GetProperty("articleId").ValueKind == System.Text.Json.JsonValueKind.String));
        var articles = SampleRows.Articles(fixture);
        Assert.All(items.Where(i => i.GetProperty("articleId").ValueKind == System.Text.Json.JsonValueKind.String), i =>
            Assert.Equal(i.GetProperty("webUrl").GetString(), articles.Single(a => a.Id == i.GetProperty("articleId").GetString()).Link));
    }

    [Fact]
    public async Task DomainFilterKeepsLinksToThatProvider()
    {
        var items = await AllAsync("/related?domain=venturebeat.com&limit=2");

        Assert.Equal(SampleRows.Related(fixture).Where(r => r.Domain == "venturebeat.com").Select(r => r.Id), items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task UrlFilterKeepsLinksToThatExactUrl()
    {
        const string Url = "https://techcrunch.com/2025/06/11/the-serverless-postgres-price-war-is-here/";

        var items = await AllAsync("/related?url=" + Uri.EscapeDataString(Url));

        Assert.Equal(SampleRows.Related(fixture).Where(r => r.WebUrl == Url).Select(r => r.Id), items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.NotEmpty(items);
    }

    [Theory]
    [InlineData("limit=abc", "limit", "'abc' is not a whole number.")]
    [InlineData("cursor=zzz", "cursor", "is not a cursor this API gave out: use the 'next' link of a previous page.")]
    [InlineData("domain=", "domain", "must not be empty.")]
    public async Task BadParametersAreValidationProblems(string query, string parameter, string message)
    {
        await _client.AssertProblemAsync($"/related?{query}", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { [parameter] = [message] });
    }

    private async Task<List<System.Text.Json.JsonElement>> AllAsync(string url)
    {
        var items = new List<System.Text.Json.JsonElement>();
        for (string? next = url; next is not null;)
        {
            var body = await _client.GetJsonAsync(next);
            items.AddRange(body.GetProperty("items").EnumerateArray());
            next = body.GetProperty("next").GetString();
        }

        return items;
    }
}
