using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PastItsPermitsAClientGetsAProblemWithRetryAfterWhileProbesStillAnswer()
    {
        using var factory = new LimitedFactory();
        using var client = factory.CreateClient();

        using var first = await client.GetAsync("/articles?limit=1");
        using var second = await client.GetAsync("/topics");
        using var third = await client.GetAsync("/articles?limit=2");
        using var probe = await client.GetAsync("/health/live");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal("Too many requests", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal($"This client made more than 2 requests in 60 s: try again in {retryAfter} s.", body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    private sealed class LimitedFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("RateLimiting:PermitsPerWindow", "2"), new("RateLimiting:Window", "00:01:00"), new("ResponseCache:Enabled", "false")];
    }
}
