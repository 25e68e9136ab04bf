using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class ArticleDetailTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Download = "downloads-edge-inference-starter-kit-for-onnx-runtime";
    private const string ColdStarts = "news-2026-05-20-serverless-containers-finally-get-fast-cold-starts";

    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task TheArticleHasEveryKnownKeyInPlaceAndUnknownKeysUnderExtra()
    {
        var article = await _client.GetJsonAsync($"/articles/{Download}");

        Assert.Equal(Download, article.GetProperty("id").GetString());
        Assert.Equal("downloads/edge-inference-starter-kit-for-onnx-runtime.md", article.GetProperty("sourcePath").GetString());
        Assert.Equal("Edge inference starter kit for ONNX Runtime", article.GetProperty("title").GetString());
        Assert.Equal("https://community.example.org/t5/Community-Samples/Edge-Inference-Starter-Kit---ONNX-Runtime/td-p/88123", article.GetProperty("originalUrl").GetString());
        Assert.Equal("download", article.GetProperty("type").GetString());
        Assert.Equal("2025-12-02T10:20:00+00:00", article.GetProperty("publishedDateTime").GetString());
        Assert.Equal(27, article.GetProperty("heat").GetInt32());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("quality").ValueKind);
        Assert.Equal(
            """{"actions":[{"url":"https://community.example.org/attachments/88123/edge-inference-starter-kit---v1.2.zip","type":"download","title":"Download Source Code","attribution":"Cloud Brief Community"}]}""",
            article.GetProperty("extra").GetRawText());
        Assert.Equal("""{"name":"Cloud Brief Community","domain":"example.org","authors":[{"name":"mkowalski"},{"name":"Priya N."}]}""", article.GetProperty("provider").GetRawText());
        Assert.Equal("""[{"name":"Edge Computing","slug":"edge-computing"},{"name":"Machine Learning","slug":"machine-learning"},{"name":"Open Source","slug":"open-source"}]""", article.GetProperty("topics").GetRawText());
        Assert.Equal("""[{"url":"https://community.example.org/attachments/88123/thumbnail.png","width":1280,"height":800,"isCached":true}]""", article.GetProperty("images").GetRawText());
        Assert.StartsWith("HW+NU1fwqEK/", article.GetProperty("secured").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<p>A ready-to-run template", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, article.GetProperty("importedAt").ValueKind);
        Assert.Equal(0, article.GetProperty("related").GetArrayLength());
    }

    [Fact]
    public async Task ProviderImagesAndRelatedLinksComeWithTheArticle()
    {
        var article = await _client.GetJsonAsync($"/articles/{ColdStarts}");

        Assert.Equal("""{"name":"VentureBeat","domain":"venturebeat.com","images":[{"url":"https://cloudbrief.example/assets/images/organizations/venturebeat.com-50x50.jpg","width":50,"height":50}]}""", article.GetProperty("provider").GetRawText());
        Assert.False(article.TryGetProperty("extra", out _));
        var related = article.GetProperty("related").EnumerateArray().ToList();
        Assert.Equal(
            [
                "news-2025-02-03-azure-functions-adds-gpu-backed-flex-consumption-plan-for-ai-workloads",
                "news-2025-10-16-webassembly-on-the-server-moves-past-the-hype",
                "news-2025-06-11-the-serverless-postgres-price-war-is-here",
            ],
            related.Select(r => r.GetProperty("articleId").GetString()));
        Assert.All(related, r => Assert.Equal(ColdStarts, r.GetProperty("sourceArticleId").GetString()));
        Assert.Equal("""{"name":"ZDNet","domain":"zdnet.com"}""", related[0].GetProperty("provider").GetRawText());
        Assert.Equal(71, related[0].GetProperty("quality").GetInt32());
    }

    [Fact]
    public async Task RelatedEndpointListsTheSameLinksInFileOrder()
    {
        var article = await _client.GetJsonAsync($"/articles/{ColdStarts}");
        var related = await _client.GetJsonAsync($"/articles/{ColdStarts}/related");

        Assert.Equal(article.GetProperty("related").GetRawText(), related.GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task BacklinksAreTheArticlesWhoseRelatedLinksResolveHere()
    {
        var rows = SampleRows.Articles(fixture);
        var links = SampleRows.Related(fixture);
        foreach (var target in rows.Where(r => r.Link is not null))
        {
            var canonical = rows.Where(r => r.Link == target.Link).Select(r => r.Id).Min(StringComparer.Ordinal);
            var expected = canonical != target.Id
                ? []
                : SampleRows.Ordered(rows.Where(r => links.Any(l => l.WebUrl == target.Link && l.SourceId == r.Id)), r => r.Published, descending: true);

            var body = await _client.GetJsonAsync($"/articles/{target.Id}/backlinks");

            Assert.Equal(expected, body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        // An article without a link of its own has no backlinks: 200 with an empty list, not a 404.
        var unlinked = rows.First(r => r.Link is null);
        Assert.Equal("[]", (await _client.GetJsonAsync($"/articles/{unlinked.Id}/backlinks")).GetProperty("items").GetRawText());

        var withBacklinks = await _client.GetJsonAsync("/articles/news-2025-04-02-kubernetes-security-report-finds-one-in-five-clusters-exposes-its-dashboard/backlinks");
        Assert.True(withBacklinks.GetProperty("items").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/no-such-article/related")]
    [InlineData("/articles/no-such-article/backlinks")]
    public async Task AnUnknownIdIsNotFoundProblem(string url)
    {
        await _client.AssertProblemAsync(url, HttpStatusCode.NotFound, "Article not found", "No article has the id 'no-such-article'.");
    }
}
