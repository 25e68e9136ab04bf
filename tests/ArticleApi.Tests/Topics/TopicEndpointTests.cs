using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Topics;

public sealed class TopicEndpointTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("", null)]
    [InlineData("?published=true", true)]
    [InlineData("?published=false", false)]
    public async Task TopicsAreCountedMostUsedFirst(string query, bool? published)
    {
        var expected = SampleRows.Articles(fixture).Where(r => published is null || r.IsPublished == published).SelectMany(r => r.Topics)
            .GroupBy(slug => slug).Select(g => (g.Key, g.Count())).OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();

        var body = await _client.GetJsonAsync("/topics" + query);

        Assert.Equal(expected, body.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("slug").GetString()!, t.GetProperty("articleCount").GetInt32())));
    }

    [Fact]
    public async Task ATopicHasItsNameSlugAndCount()
    {
        var body = await _client.GetJsonAsync("/topics/kubernetes");

        Assert.Equal("""{"name":"Kubernetes","slug":"kubernetes","articleCount":5}""", body.GetRawText());
    }

    [Fact]
    public async Task TopicArticlesAreTheTopicsArticlesWithTheListFilters()
    {
        var rows = SampleRows.Articles(fixture);
        var expected = SampleRows.Ordered(rows.Where(r => r.Topics.Contains("ai") && r.IsPublished == true), r => r.Quality, descending: true);

        var ids = await _client.GetAllIdsAsync("/topics/ai/articles?published=true&sort=-quality&limit=4");

        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/topics/no-such-topic/articles")]
    public async Task AnUnknownSlugIsNotFoundProblem(string url)
    {
        await _client.AssertProblemAsync(url, HttpStatusCode.NotFound, "Topic not found", "No topic has the slug 'no-such-topic'.");
    }

    [Fact]
    public async Task ABadPublishedValueIsAValidationProblem()
    {
        await _client.AssertProblemAsync("/topics?published=1", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["published"] = ["'1' is not a boolean: use true or false."] });
    }
}
