using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

/// <summary>Headers and links that hold whatever the request: nosniff, Vary, links free of the Host header, probes that only read.</summary>
public sealed class SafeResponseTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("/articles?limit=1")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles?limit=0")]
    [InlineData("/health/live")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/no/such/route")]
    public async Task EveryResponseSaysNosniff(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task LinksAreRelativeWhateverHostTheRequestNamed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=2");
        request.Headers.Host = "evil.example";

        using var response = await _client.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var next = body.GetProperty("next").GetString()!;
        Assert.StartsWith("/articles?limit=2&cursor=", next, StringComparison.Ordinal);
        Assert.Equal($"<{next}>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task AConfiguredPublicBaseUrlMakesLinksAbsolute()
    {
        using var factory = new PublicFactory();
        await factory.ImportAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=2");
        request.Headers.Host = "evil.example";

        var body = System.Text.Json.JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;

        Assert.StartsWith("https://api.news.example/v1/articles?limit=2&cursor=", body.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ProbesAnswerOnlyGetAndHead(string method)
    {
        using var live = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/health/live"));
        using var ready = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/health/ready"));
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/live"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, live.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Theory]
    [InlineData("from=2025-06-01T00:00:00.123456789Z")]
    [InlineData("to=2025-06-11T23:59:59.99999999999%2B02:00")]
    public async Task FractionsOfASecondLongerThanSevenDigitsAreRead(string query)
    {
        using var response = await _client.GetAsync("/articles?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class PublicFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Api:PublicBaseUrl", "https://api.news.example/v1/")];
    }
}
