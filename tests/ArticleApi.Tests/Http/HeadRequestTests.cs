using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Http;

/// <summary>HEAD answers as GET would, without the body (RFC 9110 9.3.2).</summary>
public sealed class HeadRequestTests
{
    [Theory]
    [InlineData("/articles?limit=2")]
    [InlineData("/articles/downloads-edge-inference-starter-kit-for-onnx-runtime")]
    [InlineData("/topics")]
    [InlineData("/providers")]
    [InlineData("/related")]
    [InlineData("/health/ready")]
    public async Task HeadGivesTheStatusAndHeadersOfGetAndNoBody(string url)
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();

        using var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(
            get.Headers.TryGetValues("Link", out var getLink) ? getLink : [],
            head.Headers.TryGetValues("Link", out var headLink) ? headLink : []);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadOfAnUnknownIdIs404AndOfAMatchingETagIs304()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        using var get = await client.GetAsync("/articles?limit=2");

        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/no-such-id"));
        using var revalidate = new HttpRequestMessage(HttpMethod.Head, "/articles?limit=2");
        revalidate.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(get.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task HeadOnAPostOnlyRouteIsStill405()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/import"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
