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

    [Fact]
    public async Task APageOfItemsKeptAsJsonIsWrittenAsTheReflectionSerializerWritesIt()
    {
        var item = new ArticleListItem(
            "a<b>&\"c\"", "folder/é.md", "Ünïcödé \u2028 title 🚀 <script>", "it's", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            "https://example.com/?a=1&b='2'", "article", "news", 7, -1, true, new ProviderSummary("Ex & co", "example.com"),
            [new TopicReference("C# & .NET", "c-net"), new TopicReference("AI", "ai")], new ImageSummary("https://example.com/i.png?w=1&h=2", 10, null), null);
        var bare = item with { Provider = null, Image = null, Topics = [], PublishedDateTime = null, Published = null, Excerpt = null };
        var rendered = new RenderedItemList([.. RenderedItems.Render([(1, item), (2, bare)], new JsonWriterOptions { Encoder = Reflection.Encoder }).Select(row => row.Item)]);
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>> { ["topic"] = [new FacetValue("c-net", 3)], ["published"] = [] };

        foreach (var (next, total, kept) in new[] { ("/articles?cursor=abc&limit=2", (int?)12, facets), (null, null, null) })
        {
            var objects = new ArticlePage([item, bare], next, total, kept);
            var expected = JsonSerializer.Serialize(objects, Reflection);
            Assert.Equal(expected, await WriteAsync(new GeneratedJson<ArticlePage>(objects with { Items = rendered }, RenderedPageJson.For(objects with { Items = rendered }))));
            Assert.Equal(expected, await WriteAsync(new GeneratedJson<ArticlePage>(objects, RenderedPageJson.Page)));
        }

        var list = new ItemList<ArticleListItem>(rendered);
        Assert.Same(RenderedPageJson.Items, RenderedPageJson.For(list));
        Assert.Equal(JsonSerializer.Serialize(new ItemList<ArticleListItem>([item, bare]), Reflection), await WriteAsync(new GeneratedJson<ItemList<ArticleListItem>>(list, RenderedPageJson.For(list))));

        // Read as objects, a kept item is parsed back from its JSON: the same item.
        Assert.Equal(JsonSerializer.Serialize(item, Reflection), JsonSerializer.Serialize(rendered[0], Reflection));
        Assert.Equal([item.Id, bare.Id], rendered.Select(parsed => parsed.Id));
        Assert.Equal(item.Id, RenderedItemList.IdAt(rendered, 0));
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
