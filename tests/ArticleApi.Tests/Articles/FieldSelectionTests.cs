using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary><c>fields</c> on the lists (JSON, NDJSON, CSV) and on the detail: only the members asked for, checked, in the cache key and the ETag.</summary>
public sealed class FieldSelectionTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Validation = "One or more validation errors occurred.";
    private const string ListFields = "id, sourcePath, title, excerpt, publishedDateTime, webUrl, type, category, quality, heat, published, provider, topics, image, snippet";
    private const string DetailFields = "id, sourcePath, title, excerpt, publishedDateTime, originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl, type, category, quality, heat, published, provider, topics, images, related, secured, body, importedAt, extra";
    private const string WithExtra = "learning-videos-contoso-academy-ai-agents-on-serverless-functions";

    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("/articles")]
    [InlineData("/topics/kubernetes/articles")]
    [InlineData("/providers/venturebeat.com/articles")]
    public async Task ListItemsHaveOnlyTheFieldsAskedForInTheirOwnOrder(string path)
    {
        var whole = await _client.GetJsonAsync($"{path}?limit=3&includeTotal=true&facets=type");
        var selected = await _client.GetJsonAsync($"{path}?limit=3&includeTotal=true&facets=type&fields=topics,title&fields=id");

        Assert.Equal(["items", "next", "total", "facets"], selected.EnumerateObject().Select(m => m.Name));
        Assert.Equal(whole.GetProperty("total").GetInt32(), selected.GetProperty("total").GetInt32());
        Assert.Equal(whole.GetProperty("facets").GetRawText(), selected.GetProperty("facets").GetRawText());
        var items = selected.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var (item, full) in items.Zip(whole.GetProperty("items").EnumerateArray()))
        {
            Assert.Equal(["id", "title", "topics"], item.EnumerateObject().Select(m => m.Name));
            Assert.Equal(new[] { "id", "title", "topics" }.Select(name => full.GetProperty(name).GetRawText()), item.EnumerateObject().Select(m => m.Value.GetRawText()));
        }
    }

    [Fact]
    public async Task EveryKnownFieldIsAMemberAndAskingForAllGivesTheWholeBody()
    {
        var wholeList = await _client.GetJsonAsync("/articles?q=kubernetes&limit=5");
        var allList = await _client.GetJsonAsync($"/articles?q=kubernetes&limit=5&fields={ListFields.Replace(" ", "", StringComparison.Ordinal)}");
        using var wholeDetail = await _client.GetAsync($"/articles/{WithExtra}");
        using var allDetail = await _client.GetAsync($"/articles/{WithExtra}?fields={DetailFields.Replace(" ", "", StringComparison.Ordinal)}");

        Assert.Equal(wholeList.GetProperty("items").GetRawText(), allList.GetProperty("items").GetRawText());
        Assert.All(wholeList.GetProperty("items").EnumerateArray(), item => Assert.Equal(ListFields, string.Join(", ", item.EnumerateObject().Select(m => m.Name))));
        var detail = await wholeDetail.Content.ReadAsStringAsync();
        Assert.Equal(detail, await allDetail.Content.ReadAsStringAsync());
        Assert.Equal(DetailFields, string.Join(", ", JsonDocument.Parse(detail).RootElement.EnumerateObject().Select(m => m.Name)));
    }

    [Fact]
    public async Task TheDetailHasOnlyTheFieldsAskedFor()
    {
        var whole = await _client.GetJsonAsync($"/articles/{WithExtra}");
        var selected = await _client.GetJsonAsync($"/articles/{WithExtra}?fields=id,title,webUrl,topics,extra");

        Assert.Equal(["id", "title", "webUrl", "topics", "extra"], selected.EnumerateObject().Select(m => m.Name));
        Assert.All(selected.EnumerateObject(), m => Assert.Equal(whole.GetProperty(m.Name).GetRawText(), m.Value.GetRawText()));
    }

    [Theory]
    [InlineData("/articles?fields=id,author", "'author' is not one of: " + ListFields + ".")]
    [InlineData("/topics/kubernetes/articles?fields=images", "'images' is not one of: " + ListFields + ".")]
    [InlineData("/articles?format=csv&fields=Title", "'Title' is not one of: " + ListFields + ".")]
    [InlineData("/articles/" + WithExtra + "?fields=image", "'image' is not one of: " + DetailFields + ".")]
    [InlineData("/articles/no-such-article?fields=snippet", "'snippet' is not one of: " + DetailFields + ".")]
    [InlineData("/articles?format=atom&fields=id", "does not apply to the atom feed, whose elements its format fixes: use it with json, ndjson or csv.")]
    public async Task AnUnknownOrMisplacedFieldIsAValidationProblemNamingFields(string url, string message)
    {
        await _client.AssertProblemAsync(url, HttpStatusCode.BadRequest, Validation, errors: new Dictionary<string, string[]> { ["fields"] = [message] });
    }

    [Fact]
    public async Task EachSelectionHasItsOwnETagAndCachedBody()
    {
        using var ids = await _client.GetAsync("/articles?limit=2&fields=id");
        using var titles = await _client.GetAsync("/articles?limit=2&fields=title");
        using var idsAgain = await _client.GetAsync("/articles?limit=2&fields=id");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=2&fields=id");
        conditional.Headers.IfNoneMatch.Add(ids.Headers.ETag!);
        using var revalidated = await _client.SendAsync(conditional);
        using var detailId = await _client.GetAsync($"/articles/{WithExtra}?fields=id");
        using var detailTitle = await _client.GetAsync($"/articles/{WithExtra}?fields=title");

        Assert.Equal($"{{\"id\":\"{WithExtra}\"}}", await detailId.Content.ReadAsStringAsync());
        Assert.NotEqual(detailId.Headers.ETag, detailTitle.Headers.ETag);
        Assert.NotEqual(ids.Headers.ETag, titles.Headers.ETag);
        Assert.Equal(ids.Headers.ETag, idsAgain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        var first = JsonDocument.Parse(await ids.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        var second = JsonDocument.Parse(await titles.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        Assert.Equal(["id"], first.EnumerateObject().Select(m => m.Name));
        Assert.Equal(["title"], second.EnumerateObject().Select(m => m.Name));
        Assert.Equal(await ids.Content.ReadAsStringAsync(), await idsAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportsWriteOnlyTheSelectedFieldsOrTheirColumns()
    {
        var whole = (await _client.GetStringAsync("/topics/kubernetes/articles?format=ndjson")).TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var lines = (await _client.GetStringAsync("/topics/kubernetes/articles?format=ndjson&fields=webUrl,id")).TrimEnd('\n').Split('\n');
        var csv = CsvText.Parse(await _client.GetStringAsync("/topics/kubernetes/articles?format=csv&fields=topics,image,provider,id"));

        Assert.Equal(whole.Select(w => $"{{\"id\":{w.GetProperty("id").GetRawText()},\"webUrl\":{w.GetProperty("webUrl").GetRawText()}}}"), lines);
        Assert.Equal(["id", "providerName", "providerDomain", "topics", "imageUrl", "imageWidth", "imageHeight"], csv[0]);
        Assert.Equal(whole.Select(w => w.GetProperty("id").GetString()), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(whole.Select(w => w.GetProperty("provider").GetProperty("domain").GetString()), csv.Skip(1).Select(r => r[2]));
    }

    [Fact]
    public async Task TheSwaggerDocumentListsTheFieldsOfListsAndOfTheDetail()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");

        Assert.Equal(ListFields, Values(paths.GetProperty("/providers/{domain}/articles")));
        Assert.Equal(DetailFields, Values(paths.GetProperty("/articles/{id}")));

        // Each set is one named enum schema, so a generated client has one type for it.
        string Values(JsonElement path)
        {
            var reference = path.GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "fields").GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString()!;
            var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
            return string.Join(", ", schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
    }
}
