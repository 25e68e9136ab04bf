using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Backlinks when two articles share a link: only the one the link resolves to (the smallest id, as the related
/// links' <c>articleId</c> says) lists the articles pointing at it; the other lists none. The samples have no shared
/// link, so these files make one.
/// </summary>
public sealed class BacklinkResolutionTests
{
    private const string Shared = "https://news.example/shared-story";

    [Fact]
    public async Task OnlyTheArticleTheSharedLinkResolvesToHasTheBacklinks()
    {
        await using var factory = new ArticleApiFactory(sourceToCopy: "");
        Write(factory, "news/2026-01-02-beta.md", "Beta", "2026-01-02T08:00:00Z", Shared, related: null);
        Write(factory, "news/2026-01-01-alpha.md", "Alpha", "2026-01-01T08:00:00Z", Shared, related: null);
        Write(factory, "news/2026-01-03-older-source.md", "Older source", "2026-01-03T08:00:00Z", "https://news.example/older", related: Shared);
        Write(factory, "news/2026-01-04-newer-source.md", "Newer source", "2026-01-04T08:00:00Z", "https://news.example/newer", related: Shared);
        await factory.ImportAsync();
        using var client = factory.CreateClient();

        var alpha = await client.GetJsonAsync("/articles/news-2026-01-01-alpha/backlinks");
        var beta = await client.GetJsonAsync("/articles/news-2026-01-02-beta/backlinks");
        var source = await client.GetJsonAsync("/articles/news-2026-01-04-newer-source/backlinks");

        Assert.Equal(
            ["news-2026-01-04-newer-source", "news-2026-01-03-older-source"],
            alpha.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        Assert.Equal("[]", beta.GetProperty("items").GetRawText());
        Assert.Equal("[]", source.GetProperty("items").GetRawText());
        var related = await client.GetJsonAsync("/articles/news-2026-01-03-older-source/related");
        Assert.Equal("news-2026-01-01-alpha", related.GetProperty("items")[0].GetProperty("articleId").GetString());
        await client.AssertProblemAsync("/articles/news-2026-01-05-missing/backlinks", HttpStatusCode.NotFound,
            "Article not found", "No article has the id 'news-2026-01-05-missing'.");
    }

    private static void Write(ArticleApiFactory factory, string path, string title, string published, string webUrl, string? related)
    {
        var links = related is null ? "" : $"related:\n  - title: \"A story\"\n    webUrl: \"{related}\"\n";
        var file = Path.Combine(factory.SourceDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"---\ntitle: \"{title}\"\npublishedDateTime: {published}\nwebUrl: \"{webUrl}\"\ntype: article\n{links}---\n");
    }
}
