using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.OpenApi;

/// <summary>
/// Every answer the API gives over the whole dataset, checked against the schema the document declares for its route
/// and status: each list page, each article with its related links, backlinks and collections, each collection's items,
/// each topic and provider with its articles, the related links, the change feed, the import status, the probes, and
/// the problems.
/// </summary>
[Collection(ContractApiFixture.Collection)]
public sealed class ResponseValidationTests(ContractApiFixture fixture)
{
    private const string EveryFacet = "facets=topic,provider,published,type,month,year";

    [Fact]
    public async Task EveryResponseOverTheDatasetMatchesTheDocument()
    {
        using var client = fixture.CreateClient();
        var crawl = new Crawl(client, await DocumentSchemas.LoadAsync(client));

        await crawl.GetAsync("/health/live", "/health/live");
        await crawl.GetAsync("/health/ready", "/health/ready");
        await crawl.GetAsync("/import/status", "/import/status");
        var articles = await crawl.PagesAsync("/articles", "/articles?limit=100");
        await crawl.GetAsync("/articles", $"/articles?includeTotal=true&{EveryFacet}");
        foreach (var word in articles.Take(5).Select(a => Word(a.GetProperty("title").GetString()!)))
        {
            await crawl.PagesAsync("/articles", $"/articles?q={Uri.EscapeDataString(word)}&sort=relevance&limit=100&includeTotal=true");
        }

        foreach (var article in articles)
        {
            var id = Uri.EscapeDataString(article.GetProperty("id").GetString()!);
            await crawl.GetAsync("/articles/{id}", $"/articles/{id}");
            await crawl.GetAsync("/articles/{id}/related", $"/articles/{id}/related");
            await crawl.GetAsync("/articles/{id}/backlinks", $"/articles/{id}/backlinks");
            await crawl.GetAsync("/articles/{id}/collections", $"/articles/{id}/collections");
            if (article.GetProperty("type").ValueKind == JsonValueKind.String && article.GetProperty("type").GetString() == "collection")
            {
                await crawl.GetAsync("/articles/{id}/items", $"/articles/{id}/items");
            }
        }

        for (var page = await crawl.GetAsync("/changes", "/changes?limit=1000"); page.GetProperty("more").GetBoolean();)
        {
            page = await crawl.GetAsync("/changes", page.GetProperty("next").GetString()!);
        }

        await crawl.GetAsync("/changes", "/changes?since=latest");

        foreach (var slug in (await crawl.PagesAsync("/topics", "/topics?limit=50")).Select(t => Uri.EscapeDataString(t.GetProperty("slug").GetString()!)))
        {
            await crawl.GetAsync("/topics/{slug}", $"/topics/{slug}");
            await crawl.GetAsync("/topics/{slug}/articles", $"/topics/{slug}/articles?limit=100&includeTotal=true&{EveryFacet}");
        }

        foreach (var domain in (await crawl.PagesAsync("/providers", "/providers?limit=50")).Select(p => Uri.EscapeDataString(p.GetProperty("domain").GetString()!)))
        {
            await crawl.GetAsync("/providers/{domain}", $"/providers/{domain}");
            await crawl.GetAsync("/providers/{domain}/articles", $"/providers/{domain}/articles?limit=100&includeTotal=true&{EveryFacet}");
        }

        await crawl.PagesAsync("/related", "/related?limit=100");
        await crawl.GetAsync("/articles", "/articles?limit=0&sort=relevance", HttpStatusCode.BadRequest);
        await crawl.GetAsync("/topics", "/topics?limit=abc", HttpStatusCode.BadRequest);
        await crawl.GetAsync("/articles/{id}", "/articles/no-such-article", HttpStatusCode.NotFound);
        await crawl.GetAsync("/topics/{slug}/articles", "/topics/no-such-topic/articles", HttpStatusCode.NotFound);
        await crawl.GetAsync("/providers/{domain}", "/providers/no-such.example", HttpStatusCode.NotFound);
        await crawl.GetAsync("/articles/{id}/items", $"/articles/{Uri.EscapeDataString(articles.First(a => a.GetProperty("type").ToString() != "collection").GetProperty("id").GetString()!)}/items", HttpStatusCode.NotFound);
        await crawl.GetAsync("/changes", "/changes?since=nonsense", HttpStatusCode.BadRequest);

        Assert.True(crawl.Mismatches.Count == 0,
            $"{crawl.Mismatches.Count} mismatches in {crawl.Responses} responses over {fixture.Dataset}:\n" + string.Join('\n', crawl.Mismatches.Take(20)));
        Assert.True(crawl.Responses > articles.Count * 3, $"only {crawl.Responses} responses checked");
    }

    [Fact]
    public async Task TheCheckRejectsABodyThatBreaksTheDocument()
    {
        using var client = fixture.CreateClient();
        var schemas = await DocumentSchemas.LoadAsync(client);
        const string Item = """{"id":"a","sourcePath":"a.md","title":"A","excerpt":null,"publishedDateTime":null,"webUrl":null,"type":null,"category":null,"quality":null,"heat":null,"published":null,"provider":null,"topics":[],"image":IMAGE}""";

        Assert.Empty(schemas.Check("/articles", 200, "application/json", """{"items":[ITEM],"next":null}""".Replace("ITEM", Item.Replace("IMAGE", "null", StringComparison.Ordinal), StringComparison.Ordinal)));
        Assert.NotEmpty(schemas.Check("/articles", 200, "application/json", """{"items":[ITEM],"next":null}""".Replace("ITEM", Item.Replace("IMAGE", "5", StringComparison.Ordinal), StringComparison.Ordinal)));
        Assert.NotEmpty(schemas.Check("/articles", 200, "application/json", """{"items":[]}"""));
        Assert.NotEmpty(schemas.Check("/articles", 200, "application/json", """{"items":[],"next":null,"facets":{"colour":[]}}"""));
        Assert.NotEmpty(schemas.Check("/articles/{id}", 200, "application/json", """{"id":null}"""));
        Assert.Equal(["/articles 418 application/json: the document declares no such response"], schemas.Check("/articles", 418, "application/json", "{}"));
    }

    // A word of the title that full-text search finds: letters only, the longest.
    private static string Word(string title) =>
        title.Split([' ', ',', '.', ':', ';', '\'', '"', '(', ')', '-', '/', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsAsciiLetter)).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First();

    private sealed class Crawl(HttpClient client, DocumentSchemas schemas)
    {
        public List<string> Mismatches { get; } = [];

        public int Responses { get; private set; }

        public async Task<JsonElement> GetAsync(string template, string url, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}: {body}");
            Responses++;
            Mismatches.AddRange(schemas.Check(template, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body).Select(m => $"{url}: {m}"));
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        /// <summary>Every item of a paged list, each page checked.</summary>
        public async Task<List<JsonElement>> PagesAsync(string template, string url)
        {
            var items = new List<JsonElement>();
            for (string? next = url; next is not null;)
            {
                var page = await GetAsync(template, next);
                items.AddRange(page.GetProperty("items").EnumerateArray());
                next = page.GetProperty("next").GetString();
            }

            return items;
        }
    }
}
