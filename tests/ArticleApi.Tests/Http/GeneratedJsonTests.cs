using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Articles.Counting;
using ArticleApi.Http;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Http;

/// <summary>
/// Responses written by the source-generated serializers (<see cref="GeneratedJson{TValue}"/>) are byte for byte what
/// <c>Ok&lt;T&gt;</c> wrote with ASP.NET Core's JSON options (the web defaults with the relaxed encoder, reflection-based):
/// clients see no change.
/// </summary>
public sealed class GeneratedJsonTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    // What Ok<T> serialized with: the service's own options, unchanged by the application.
    private static readonly JsonSerializerOptions Reflection = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;

    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("/articles?limit=100")]
    [InlineData("/articles?limit=7&includeTotal=true&facets=topic,provider,published,type,month")]
    [InlineData("/articles?q=serverless&includeTotal=true")]
    [InlineData("/topics/machine-learning/articles?sort=-quality&limit=3")]
    [InlineData("/articles/news-2025-10-16-webassembly-on-the-server-moves-past-the-hype/backlinks")]
    public async Task ListsAreServedWithTheBytesOfTheReflectionSerializer(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        // Read back with the reflection serializer and written again by it: the same text, so nothing was lost or changed.
        var again = url.EndsWith("/backlinks", StringComparison.Ordinal)
            ? JsonSerializer.Serialize(JsonSerializer.Deserialize<ItemList<ArticleListItem>>(body, Reflection), Reflection)
            : JsonSerializer.Serialize(JsonSerializer.Deserialize<ArticlePage>(body, Reflection), Reflection);
        Assert.Equal(again, body);
        Assert.Contains("\"items\":[{", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageWithEveryMemberAndTextToEscapeIsWrittenAsTheReflectionSerializerWritesIt()
    {
        var item = new ArticleListItem(
            "a<b>&\"c\"", "folder/é.md", "Ünïcödé \u2028 title 🚀 <script>", null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            "https://example.com/?a=1&b='2'", "article", null, 7, -1, false, new ProviderSummary(null, "example.com"),
            [new TopicReference("C# & .NET", "c-net")], new ImageSummary("https://example.com/i.png", 10, null), "a <b>snippet</b>");
        var bare = item with { Provider = null, Image = null, Snippet = null, Topics = [], PublishedDateTime = null, Published = null };
        var page = new ArticlePage([item, bare], "/articles?cursor=abc&limit=2", 12,
            new Dictionary<string, IReadOnlyList<FacetValue>> { ["topic"] = [new FacetValue("c-net", 3)], ["published"] = [] });

        Assert.Equal(JsonSerializer.Serialize(page, Reflection), await WriteAsync(new GeneratedJson<ArticlePage>(page, ArticleJsonContext.Default.ArticlePage)));
        var plain = page with { Total = null, Facets = null, Next = null };
        Assert.Equal(JsonSerializer.Serialize(plain, Reflection), await WriteAsync(new GeneratedJson<ArticlePage>(plain, ArticleJsonContext.Default.ArticlePage)));
    }

    private static async Task<string> WriteAsync<T>(GeneratedJson<T> result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddOptions().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync();

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }
}
