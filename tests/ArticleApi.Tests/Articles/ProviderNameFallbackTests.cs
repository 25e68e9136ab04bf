using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// An article whose file gives its provider's domain but no name shows the name the provider is known by (another
/// file's, or the domain when no file names it), on a page as in its detail: a page's rows ask for the provider's row
/// only for such articles (<c>Data/ArticleRowStatements</c>).
/// </summary>
public sealed class ProviderNameFallbackTests(ProviderNameFallbackTests.Articles articles) : IClassFixture<ProviderNameFallbackTests.Articles>
{
    private const string Named = """{"name":"Example News","domain":"example.news"}""";
    private const string Alone = """{"name":"lonely.example","domain":"lonely.example"}""";

    [Theory]
    [InlineData("/articles?sort=-publishedDateTime", "named,unnamed,alone")]
    [InlineData("/providers/example.news/articles?sort=-publishedDateTime", "named,unnamed")]
    [InlineData("/articles?provider=lonely.example", "alone")]
    public async Task APageShowsTheProvidersNameForAnArticleWhoseFileNamesNone(string url, string ids)
    {
        using var client = articles.CreateClient();
        var items = (await client.GetJsonAsync(url)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(ids.Split(','), items.Select(item => item.GetProperty("id").GetString()));
        Assert.All(items, item => Assert.Equal(item.GetProperty("id").GetString() == "alone" ? Alone : Named, item.GetProperty("provider").GetRawText()));
    }

    [Theory]
    [InlineData("named", Named)]
    [InlineData("unnamed", Named)]
    [InlineData("alone", Alone)]
    public async Task TheDetailShowsTheSameProvider(string id, string provider)
    {
        using var client = articles.CreateClient();

        Assert.Equal(provider, (await client.GetJsonAsync($"/articles/{id}")).GetProperty("provider").GetRawText());
    }

    /// <summary>One file names example.news, one gives only its domain, one gives only a domain no file names.</summary>
    public sealed class Articles() : GeneratedArticlesFixture(Write)
    {
        private static void Write(string folder)
        {
            File.WriteAllText(Path.Combine(folder, "named.md"), "---\ntitle: Named\npublishedDateTime: 2024-01-03T00:00:00Z\nprovider:\n  name: Example News\n  domain: example.news\n---\n");
            File.WriteAllText(Path.Combine(folder, "unnamed.md"), "---\ntitle: Unnamed\npublishedDateTime: 2024-01-02T00:00:00Z\nprovider:\n  domain: example.news\n---\n");
            File.WriteAllText(Path.Combine(folder, "alone.md"), "---\ntitle: Alone\npublishedDateTime: 2024-01-01T00:00:00Z\nprovider:\n  domain: lonely.example\n---\n");
        }
    }
}
