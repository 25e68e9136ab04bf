using System.Net;
using System.Text.Json;
using ArticleApi.Articles;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

public sealed class CollectionTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Collection = "learning-collections-contoso-academy-cloud-and-ai-starter-path";

    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task ACollectionListsItsItemsInFileOrderEachResolvedToTheImportedItem()
    {
        var body = await _client.GetJsonAsync($"/articles/{Collection}/items");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("videos/contoso-academy-deploy-a-model-to-azure-container-apps", "learning-videos-contoso-academy-deploy-a-model-to-azure-container-apps"),
                ("videos/contoso-academy-ai-agents-on-serverless-functions", "learning-videos-contoso-academy-ai-agents-on-serverless-functions"),
                ("courses/microsoft-learn-secure-ai-workloads-on-azure", "learning-courses-microsoft-learn-secure-ai-workloads-on-azure"),
                ("courses/microsoft-learn-intro-to-edge-ai-with-iot", "learning-courses-microsoft-learn-intro-to-edge-ai-with-iot"),
            ],
            items.Select(i => (i.GetProperty("path").GetString()!, i.GetProperty("articleId").GetString()!)));
        Assert.All(items, i => Assert.Equal(i.GetProperty("articleId").GetString(), i.GetProperty("article").GetProperty("id").GetString()));
        Assert.Equal(["path", "articleId", "article"], items[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AnItemKnowsTheCollectionsThatListIt()
    {
        var body = await _client.GetJsonAsync("/articles/learning-courses-microsoft-learn-intro-to-edge-ai-with-iot/collections");

        Assert.Equal([Collection], body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnArticleInNoCollectionHasAnEmptyList()
    {
        var body = await _client.GetJsonAsync("/articles/news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools/collections");

        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task UnknownIdsAndArticlesThatAreNotCollectionsAreProblems()
    {
        await _client.AssertProblemAsync("/articles/no-such-article/collections", HttpStatusCode.NotFound, "Article not found", "No article has the id 'no-such-article'.");
        await _client.AssertProblemAsync("/articles/no-such-article/items", HttpStatusCode.NotFound, "Collection not found", "No collection has the id 'no-such-article'.");
        await _client.AssertProblemAsync(
            "/articles/news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools/items", HttpStatusCode.NotFound,
            "Collection not found", "No collection has the id 'news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools'.");
    }

    [Fact]
    public async Task AnEntryResolvesAsSoonAsItsFileIsImportedWhateverTheOrderAndTheNearestFolderWins()
    {
        using var factory = new ArticleApiFactory("/nonexistent");
        Write(factory, "site/collections/pack.md", "title: Pack\ntype: collection\nitems:\n  - videos/one\n  - videos/two\n  - 42\n");
        Write(factory, "site/videos/one.md", "title: One at the site\ntype: video\n");
        Write(factory, "videos/one.md", "title: One at the root\ntype: video\n");
        await factory.ImportAsync();
        var client = factory.CreateClient();

        var before = await client.GetJsonAsync("/articles/site-collections-pack/items");
        Write(factory, "videos/two.md", "title: Two at the root\ntype: video\n");
        await factory.ImportAsync();
        var after = await client.GetJsonAsync("/articles/site-collections-pack/items");

        Assert.Equal(["site-videos-one", null, null], Ids(before));
        Assert.Equal(["site-videos-one", "videos-two", null], Ids(after));
        Assert.Equal(["videos/one", "videos/two", "42"], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("items")[2].GetProperty("article").ValueKind);
        Assert.Equal(["site-collections-pack"], (await client.GetJsonAsync("/articles/videos-two/collections")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(0, (await client.GetJsonAsync("/articles/videos-one/collections")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("a/b/collections/c.md", "x/y", "a/b/collections/x/y.md,a/b/collections/x/y.markdown,a/b/x/y.md,a/b/x/y.markdown,a/x/y.md,a/x/y.markdown,x/y.md,x/y.markdown")]
    [InlineData("c.md", "/x/", "x.md,x.markdown")]
    [InlineData("a/c.md", "../x", "")]
    [InlineData("a/c.md", "x//y", "")]
    public void AnEntryMayNameAFileInAnyFolderAboveTheCollectionNearestFirst(string collection, string entry, string expected)
    {
        Assert.Equal(expected, string.Join(',', CollectionMembers.Candidates(collection, entry)));
    }

    private static List<string?> Ids(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("articleId").GetString())];

    private static void Write(ArticleApiFactory factory, string path, string frontMatter)
    {
        var full = Path.Combine(factory.SourceDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "---\n" + frontMatter + "---\n");
    }
}
