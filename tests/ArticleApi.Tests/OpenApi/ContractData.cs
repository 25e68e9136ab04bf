using System.Globalization;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.OpenApi;

/// <summary>
/// Values the generated-client tests ask for, found in the imported dataset over plain HTTP and JSON (not through a
/// generated client), so each client is compared with an answer it had no part in.
/// </summary>
public sealed record ContractData(
    JsonElement Article,
    string Word,
    string RelatedSource,
    string RelatedTarget,
    string CollectionId,
    IReadOnlyList<string> AllIds,
    JsonElement Topic,
    JsonElement Provider,
    int TopicCount,
    int ProviderCount,
    int RelatedLinkCount)
{
    public const int PageSize = 25;

    public string Id => Article.GetProperty("id").GetString()!;

    public string TopicSlug => Article.GetProperty("topics")[0].GetProperty("slug").GetString()!;

    public string ProviderDomain => Article.GetProperty("provider").GetProperty("domain").GetString()!;

    public DateTimeOffset Published => Article.GetProperty("publishedDateTime").GetDateTimeOffset();

    /// <summary>The query string of the every-filter list, written by hand: what a client must send for it.</summary>
    public string EveryFilterQuery =>
        string.Join('&',
            $"published={(Article.GetProperty("published").GetBoolean() ? "true" : "false")}",
            $"minQuality={Article.GetProperty("quality").GetInt32()}", $"maxQuality={Article.GetProperty("quality").GetInt32()}",
            $"minHeat={Article.GetProperty("heat").GetInt32()}", $"maxHeat={Article.GetProperty("heat").GetInt32()}",
            $"topic={Uri.EscapeDataString(TopicSlug)}", "topicMatch=all", $"provider={Uri.EscapeDataString(ProviderDomain)}",
            $"from={Uri.EscapeDataString(Published.ToString("O", CultureInfo.InvariantCulture))}", $"to={Uri.EscapeDataString(Published.ToString("O", CultureInfo.InvariantCulture))}",
            $"type={Uri.EscapeDataString(Article.GetProperty("type").GetString()!)}", $"category={Uri.EscapeDataString(Article.GetProperty("category").GetString()!)}",
            $"q={Uri.EscapeDataString(Word)}", "sort=relevance", "limit=100", "includeTotal=true", "facets=topic,provider,published,type");

    public static async Task<ContractData> LoadAsync(HttpClient client)
    {
        var articles = await AllItemsAsync(client, "/articles?limit=100");
        // The first article that has a value for every filter, so one list can use them all and still find it.
        var article = articles.First(a => new[] { "quality", "heat", "published", "type", "category", "publishedDateTime" }.All(p => a.GetProperty(p).ValueKind != JsonValueKind.Null)
            && a.GetProperty("provider").ValueKind == JsonValueKind.Object && a.GetProperty("topics").GetArrayLength() > 0
            && Words(a.GetProperty("title").GetString()!).Any());
        var related = await AllItemsAsync(client, "/related?limit=100");
        var resolved = related.First(r => r.GetProperty("articleId").ValueKind == JsonValueKind.String);
        var topics = await AllItemsAsync(client, "/topics?limit=1000");
        var providers = await AllItemsAsync(client, "/providers?limit=1000");
        return new ContractData(article, Words(article.GetProperty("title").GetString()!).First(),
            resolved.GetProperty("sourceArticleId").GetString()!, resolved.GetProperty("articleId").GetString()!,
            articles.First(a => a.GetProperty("type").ToString() == "collection").GetProperty("id").GetString()!,
            [.. articles.Select(a => a.GetProperty("id").GetString()!)], topics[0], providers[0], topics.Count, providers.Count, related.Count);
    }

    /// <summary>The ids of a list over every page, by plain HTTP.</summary>
    public static async Task<List<string>> IdsAsync(HttpClient client, string url) =>
        [.. (await AllItemsAsync(client, url)).Select(a => a.GetProperty("id").GetString()!)];

    private static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    // Words full-text search finds: letters only, longest first.
    private static IEnumerable<string> Words(string title) =>
        title.Split([' ', ',', '.', ':', ';', '\'', '"', '(', ')', '-', '/', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter)).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal);
}
