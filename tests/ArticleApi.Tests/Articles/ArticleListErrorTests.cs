using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class ArticleListErrorTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Validation = "One or more validation errors occurred.";
    private const string NotACursor = "is not a cursor this API gave out: use the 'next' link of a previous page.";

    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string, string, string> BadParameters => new()
    {
        { "minQuality=abc", "minQuality", "'abc' is not a whole number." },
        { "maxQuality=-1", "maxQuality", "-1 is out of range: use 0 to 2147483647." },
        { "minHeat=-2", "minHeat", "-2 is out of range: use -1 to 2147483647." },
        { "maxHeat=1.5", "maxHeat", "'1.5' is not a whole number." },
        { "limit=101", "limit", "101 is out of range: use 1 to 100." },
        { "limit=0", "limit", "0 is out of range: use 1 to 100." },
        { "published=maybe", "published", "'maybe' is not a boolean: use true or false." },
        { "includeTotal=yes", "includeTotal", "'yes' is not a boolean: use true or false." },
        { "sort=newest", "sort", "'newest' is not one of: -publishedDateTime, publishedDateTime, -quality, quality, -heat, heat, relevance, popularity." },
        { "sort=relevance", "sort", "'relevance' needs a search: add q." },
        { "facets=topic,author", "facets", "'author' is not one of: topic, provider, published, type, category, quality, heat, month, year." },
        { "topicMatch=some", "topicMatch", "'some' is not one of: any, all." },
        { "q=edge&searchIn=title,author", "searchIn", "'author' is not one of: title, excerpt, body." },
        { "searchIn=title", "searchIn", "needs a search: add q." },
        { "from=yesterday", "from", "'yesterday' is not a date (yyyy-MM-dd) or an instant with an offset (2025-01-31T08:00:00Z)." },
        { "to=2025-13-01", "to", "'2025-13-01' is not a date (yyyy-MM-dd) or an instant with an offset (2025-01-31T08:00:00Z)." },
        { "from=2025-01-31T08:00:00", "from", "'2025-01-31T08:00:00' is not a date (yyyy-MM-dd) or an instant with an offset (2025-01-31T08:00:00Z)." },
        { "from=2025-06-02&to=2025-06-01", "from", "is after 'to': 2025-06-02T00:00:00.0000000+00:00 > 2025-06-01T23:59:59.9990000+00:00." },
        { "minQuality=80&maxQuality=20", "minQuality", "is greater than maxQuality." },
        { "q=***", "q", "has no word to search for: use letters or digits, \"a phrase\" or a prefix*." },
        { "q=", "q", "must not be empty." },
        { "type=%20", "type", "must not be empty." },
        { "cursor=not-a-cursor!", "cursor", NotACursor },
        { "cursor=WyJ4Il0", "cursor", NotACursor },
        { "cursor=WyItcHVibGlzaGVkRGF0ZVRpbWUiLCJhYmMiLCJ4Il0", "cursor", NotACursor },
        { "sort=heat&cursor=WyItcHVibGlzaGVkRGF0ZVRpbWUiLCIxIiwieCJd", "cursor", "belongs to sort '-publishedDateTime', not 'heat': keep the sort of the page it came from." },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task ABadParameterIsAValidationProblemNamingIt(string query, string parameter, string message)
    {
        await _client.AssertProblemAsync($"/articles?{query}", HttpStatusCode.BadRequest, Validation,
            errors: new Dictionary<string, string[]> { [parameter] = [message] });
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task TopicAndProviderListsValidateTheSameWay(string query, string parameter, string message)
    {
        var errors = new Dictionary<string, string[]> { [parameter] = [message] };
        await _client.AssertProblemAsync($"/topics/kubernetes/articles?{query}", HttpStatusCode.BadRequest, Validation, errors: errors);
        await _client.AssertProblemAsync($"/providers/techcrunch.com/articles?{query}", HttpStatusCode.BadRequest, Validation, errors: errors);
    }

    [Fact]
    public async Task EveryBadParameterIsListedInOneResponse()
    {
        await _client.AssertProblemAsync("/articles?minQuality=x&limit=500&sort=up", HttpStatusCode.BadRequest, Validation,
            errors: new Dictionary<string, string[]>
            {
                ["minQuality"] = ["'x' is not a whole number."],
                ["limit"] = ["500 is out of range: use 1 to 100."],
                ["sort"] = ["'up' is not one of: -publishedDateTime, publishedDateTime, -quality, quality, -heat, heat, relevance, popularity."],
            });
    }

    [Fact]
    public async Task ACursorIsBoundToItsSort()
    {
        var page = await _client.GetJsonAsync("/articles?sort=-quality&limit=2");
        var cursor = page.GetProperty("next").GetString()!.Split("cursor=")[1];

        await _client.AssertProblemAsync($"/articles?sort=quality&cursor={cursor}", HttpStatusCode.BadRequest, Validation,
            errors: new Dictionary<string, string[]> { ["cursor"] = ["belongs to sort '-quality', not 'quality': keep the sort of the page it came from."] });
    }

    [Theory]
    [InlineData("WyJyZWxldmFuY2UiLG51bGwsIngiXQ")] // ["relevance",null,"x"]
    [InlineData("WyJyZWxldmFuY2UiLCJOYU4iLCJ4Il0")] // ["relevance","NaN","x"]
    [InlineData("WyJyZWxldmFuY2UiLCJJbmZpbml0eSIsIngiXQ")] // ["relevance","Infinity","x"]
    public async Task ARelevanceCursorWithoutAFiniteRankIsRejected(string cursor)
    {
        await _client.AssertProblemAsync($"/articles?q=ai&sort=relevance&cursor={cursor}", HttpStatusCode.BadRequest, Validation,
            errors: new Dictionary<string, string[]> { ["cursor"] = [NotACursor] });
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("from=0001-01-01T00:00:00-01:00")]
    [InlineData("minQuality=2147483647")]
    [InlineData("topic=%27%3B%20DROP%20TABLE%20Articles")]
    [InlineData("q=caf%C3%A9*")]
    [InlineData("facets=&topic=")]
    public async Task ExtremeButValidValuesAnswerOk(string query)
    {
        using var response = await _client.GetAsync($"/articles?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
