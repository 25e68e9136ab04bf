using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

/// <summary>/topics and /providers page like the other lists: limit, an opaque cursor, a next link and a Link header.</summary>
public sealed class RankedListPagingTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string NotACursor = "is not a cursor this API gave out: use the 'next' link of a previous page.";
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("/topics", "slug")]
    [InlineData("/providers", "domain")]
    [InlineData("/topics?published=true", "slug")]
    [InlineData("/providers?q=e", "domain")]
    public async Task PagesOfTwoWalkTheWholeRankingOnceInOrder(string url, string key)
    {
        var whole = (await _client.GetJsonAsync(url)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty(key).GetString()!).ToList();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var walked = new List<string>();
        var pages = 0;
        for (string? next = $"{url}{separator}limit=2"; next is not null; pages++)
        {
            using var response = await _client.GetAsync(next);
            var body = await _client.GetJsonAsync(next);
            var items = body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty(key).GetString()!).ToList();
            var following = body.GetProperty("next").GetString();
            Assert.InRange(items.Count, 1, 2);
            Assert.Equal(following is null ? [] : [$"<{following}>; rel=\"next\""], response.Headers.TryGetValues("Link", out var link) ? link : []);
            walked.AddRange(items);
            next = following;
        }

        Assert.True(whole.Count > 4, $"{url} should have several pages in the samples");
        Assert.Equal(whole, walked);
        Assert.Equal((whole.Count + 1) / 2, pages);
    }

    [Theory]
    [InlineData("/topics?limit=0", "limit", "0 is out of range: use 1 to 1000.")]
    [InlineData("/providers?limit=1001", "limit", "1001 is out of range: use 1 to 1000.")]
    [InlineData("/providers?cursor=zzz", "cursor", NotACursor)]
    // A cursor of /articles (sort -publishedDateTime) given to /topics.
    [InlineData("/topics?cursor=WyItcHVibGlzaGVkRGF0ZVRpbWUiLCIxIiwieCJd", "cursor", "belongs to sort '-publishedDateTime', not '-articleCount': keep the sort of the page it came from.")]
    // ["-articleCount","many","ai"]: the right sort, a count that is not a number.
    [InlineData("/topics?cursor=WyItYXJ0aWNsZUNvdW50IiwibWFueSIsImFpIl0", "cursor", NotACursor)]
    public async Task ABadLimitOrCursorIsAValidationProblemNamingIt(string url, string parameter, string message)
    {
        await _client.AssertProblemAsync(url, HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { [parameter] = [message] });
    }
}
