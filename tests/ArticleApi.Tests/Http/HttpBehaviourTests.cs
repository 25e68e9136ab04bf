using System.Net;
using System.Net.Http.Headers;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

public sealed class HttpBehaviourTests
{
    [Fact]
    public async Task EveryGetHasAWeakETagAndRevalidationAnswers304()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();

        foreach (var url in new[] { "/articles?limit=2", "/articles/downloads-edge-inference-starter-kit-for-onnx-runtime", "/topics", "/providers", "/related", "/topics/ai/articles" })
        {
            using var first = await client.GetAsync(url);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(etag.IsWeak);
            Assert.Matches("^\"v[0-9]+-[0-9a-f]{16}\"$", etag.Tag);
            var cacheControl = first.Headers.CacheControl!;
            Assert.True(cacheControl.Public && cacheControl.MustRevalidate);
            Assert.Equal(TimeSpan.Zero, cacheControl.MaxAge);

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var second = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task TheETagDiffersPerQueryAndMovesOnlyWhenAnImportChangesSomething()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        var before = await ETagAsync(client, "/articles?limit=2");
        Assert.NotEqual(before, await ETagAsync(client, "/articles?limit=3"));

        await factory.ImportAsync();
        var afterUnchanged = await ETagAsync(client, "/articles?limit=2");

        var file = Path.Combine(factory.SourceDirectory, "news", "2026-05-20-serverless-containers-finally-get-fast-cold-starts.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("quality: 70", "quality: 71", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var report = await factory.ImportAsync();
        var afterChange = await ETagAsync(client, "/articles?limit=2");

        Assert.Equal(before, afterUnchanged);
        Assert.Equal(1, report.Counts.Updated);
        Assert.NotEqual(before, afterChange);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=2");
        request.Headers.IfNoneMatch.Add(before);
        using var stale = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task ErrorsCarryNoETag()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/articles?limit=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ResponsesAreCompressed(string encoding)
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task CorsIsOffByDefault()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles");
        request.Headers.Add("Origin", "https://news.example");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AConfiguredOriginMayReadLinkAndETag()
    {
        await using var factory = new CorsFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=1");
        request.Headers.Add("Origin", "https://news.example");

        using var response = await client.SendAsync(request);

        Assert.Equal("https://news.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("Link,ETag", Assert.Single(response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task WithCorsOnEveryResponseVariesByOrigin()
    {
        using var factory = new CorsFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/articles?limit=1");

        Assert.Contains("Origin", response.Headers.Vary);
    }

    private static async Task<EntityTagHeaderValue> ETagAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.Headers.ETag ?? throw new InvalidOperationException("no ETag");
    }

    private sealed class CorsFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Cors:AllowedOrigins:0", "https://news.example")];
    }
}
