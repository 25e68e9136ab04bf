using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Feeds;

/// <summary>Every article list as Atom, RSS 2.0 and JSON Feed 1.1, read back with the library that wrote them (JSON Feed with System.Text.Json).</summary>
public sealed class FeedTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    private const string Origin = "http://localhost";

    private readonly HttpClient _client = fixture.CreateClient();

    private Dictionary<string, ArticleRow> Rows => SampleRows.Articles(fixture).ToDictionary(r => r.Id);

    [Theory]
    [InlineData("atom", "application/atom+xml")]
    [InlineData("rss", "application/rss+xml")]
    public async Task AnXmlFeedHasTheEntriesOfTheJsonPageWithEveryElement(string format, string mediaType)
    {
        const string list = "/articles?limit=6";
        var page = await _client.GetJsonAsync(list);
        using var response = await _client.GetAsync($"{list}&format={format}");
        var feed = await ReadXmlFeedAsync(response, mediaType);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("ArticleApi: articles", feed.Title.Text);
        Assert.Equal(items.Select(i => $"{Origin}/articles/{i.GetProperty("id").GetString()}"), feed.Items.Select(e => e.Id));
        Assert.Equal($"{Origin}/articles?limit=6", Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal($"{Origin}{list}&format={format}", Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.StartsWith($"{Origin}{list}&format={format}&cursor=", Assert.Single(feed.Links, l => l.RelationshipType == "next").Uri.AbsoluteUri, StringComparison.Ordinal);
        foreach (var (entry, item) in feed.Items.Zip(items))
        {
            var row = Rows[item.GetProperty("id").GetString()!];
            Assert.Equal(row.Title, entry.Title.Text);
            Assert.Equal(row.Link ?? entry.Id, Assert.Single(entry.Links, l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
            Assert.Equal(row.Excerpt, entry.Summary?.Text);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(row.Published!.Value), entry.PublishDate);
            Assert.Equal(await ImportedAtAsync(row.Id), entry.LastUpdatedTime);
            Assert.Equal(row.Topics, entry.Categories.Select(c => c.Name));
            Assert.All(entry.Categories, c => Assert.Equal($"{Origin}/topics", c.Scheme));
            Assert.Equal(item.GetProperty("provider").GetProperty("name").GetString(), Assert.Single(entry.Authors).Name);
            Assert.Equal($"https://{row.Provider}", entry.Authors[0].Uri);
            var image = item.GetProperty("image");
            var enclosure = entry.Links.Where(l => l.RelationshipType == "enclosure").Select(l => l.Uri.AbsoluteUri);
            Assert.Equal(image.ValueKind == JsonValueKind.Null ? [] : [new Uri(image.GetProperty("url").GetString()!).AbsoluteUri], enclosure);
            Assert.Equal(image.ValueKind != JsonValueKind.Null, entry.ElementExtensions.Any(x => x.OuterName == "content" && x.OuterNamespace == "http://search.yahoo.com/mrss/"));
        }

        Assert.Contains(items, i => i.GetProperty("image").ValueKind != JsonValueKind.Null);
        Assert.Contains(items, i => i.GetProperty("image").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task AJsonFeedHasTheRequiredMembersAndTheEntriesOfTheJsonPage()
    {
        var page = await _client.GetJsonAsync("/articles?limit=6");
        using var response = await _client.GetAsync("/articles?limit=6&format=jsonfeed");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal("ArticleApi: articles", feed.GetProperty("title").GetString());
        Assert.Equal($"{Origin}/articles?limit=6", feed.GetProperty("home_page_url").GetString());
        Assert.Equal($"{Origin}/articles?limit=6&format=jsonfeed", feed.GetProperty("feed_url").GetString());
        Assert.StartsWith($"{Origin}/articles?limit=6&format=jsonfeed&cursor=", feed.GetProperty("next_url").GetString(), StringComparison.Ordinal);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var entries = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, entries.Count);
        foreach (var (entry, item) in entries.Zip(items))
        {
            var row = Rows[item.GetProperty("id").GetString()!];
            Assert.Equal($"{Origin}/articles/{row.Id}", entry.GetProperty("id").GetString());
            Assert.Equal(row.Link, entry.GetProperty("url").GetString());
            Assert.Equal(row.Title, entry.GetProperty("title").GetString());
            Assert.Equal(row.Excerpt ?? row.Title, entry.GetProperty("content_text").GetString());
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(row.Published!.Value), entry.GetProperty("date_published").GetDateTimeOffset());
            Assert.Equal(await ImportedAtAsync(row.Id), Seconds(entry.GetProperty("date_modified").GetDateTimeOffset()));
            Assert.Equal(item.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("name").GetString()), entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(item.GetProperty("provider").GetProperty("name").GetString(), entry.GetProperty("authors")[0].GetProperty("name").GetString());
            var image = item.GetProperty("image");
            Assert.Equal(image.ValueKind == JsonValueKind.Null ? null : image.GetProperty("url").GetString(), entry.TryGetProperty("image", out var url) ? url.GetString() : null);
        }
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task FollowingNextThroughAFilteredSortedFeedGivesEveryMatchingArticleInTheListOrder(string format)
    {
        const string query = "sort=-quality&minQuality=30&limit=4";
        var expected = await _client.GetAllIdsAsync($"/articles?{query}");
        var ids = new List<string>();
        string? next = $"/articles?{query}&format={format}";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var feed = await ReadXmlFeedAsync(response, $"application/{format}+xml");
            ids.AddRange(feed.Items.Select(e => e.Id[$"{Origin}/articles/".Length..]));
            next = feed.Links.SingleOrDefault(l => l.RelationshipType == "next")?.Uri.AbsoluteUri;
        }

        Assert.True(expected.Count > 4);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("/topics/kubernetes/articles", "ArticleApi: articles on topic kubernetes")]
    [InlineData("/providers/techcrunch.com/articles", "ArticleApi: articles from techcrunch.com")]
    public async Task TopicAndProviderListsHaveTheirFeeds(string path, string title)
    {
        var expected = (await _client.GetJsonAsync(path)).GetProperty("items").EnumerateArray().Select(i => $"{Origin}/articles/{i.GetProperty("id").GetString()}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/atom+xml");

        var feed = await ReadXmlFeedAsync(await _client.SendAsync(request), "application/atom+xml");

        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(expected, feed.Items.Select(e => e.Id));
    }

    [Theory]
    [InlineData("application/rss+xml", null, "application/rss+xml")]
    [InlineData("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", null, "application/json")]
    [InlineData("application/json;q=0.5, application/feed+json", null, "application/feed+json")]
    [InlineData("application/atom+xml;q=0, application/rss+xml;q=0.1", null, "application/rss+xml")]
    [InlineData("text/html", null, "application/json")]
    [InlineData("application/rss+xml", "atom", "application/atom+xml")]
    [InlineData("application/atom+xml", "json", "application/json")]
    public async Task TheFormatParameterWinsOverAcceptWhichChoosesByPreference(string accept, string? format, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=2" + (format is null ? "" : "&format=" + format));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task EachRepresentationHasItsOwnETagAndCacheEntryAndAnswers304()
    {
        var json = await SendAsync("application/json", null);
        var atom = await SendAsync("application/atom+xml", null);
        var rss = await SendAsync("application/rss+xml", null);
        var jsonAgain = await SendAsync("application/json", null);

        Assert.StartsWith("{", json.Body, StringComparison.Ordinal);
        Assert.Contains("<feed", atom.Body, StringComparison.Ordinal);
        Assert.Contains("<rss", rss.Body, StringComparison.Ordinal);
        Assert.Equal(json.Body, jsonAgain.Body);
        Assert.Equal(3, new[] { json.ETag, atom.ETag, rss.ETag }.Distinct().Count());
        Assert.Equal(json.ETag, jsonAgain.ETag);
        var revalidated = await SendAsync("application/atom+xml", atom.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
        Assert.Equal(atom.ETag, revalidated.ETag);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("application/rss+xml", atom.ETag)).Status);
    }

    [Fact]
    public async Task AnUnknownFormatIsAValidationProblemNamingIt()
    {
        await _client.AssertProblemAsync("/topics/kubernetes/articles?format=xml", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["format"] = ["'xml' is not one of: json, atom, rss, jsonfeed, ndjson, csv."] });
    }

    [Fact]
    public async Task FeedLinksAreUnderTheConfiguredPublicBaseUrl()
    {
        using var factory = new PublicFactory();
        await factory.ImportAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=1&format=atom");
        request.Headers.Host = "evil.example";

        var feed = await ReadXmlFeedAsync(await client.SendAsync(request), "application/atom+xml");

        Assert.Equal("https://api.news.example/v1/articles?limit=1&format=atom", feed.Id);
        Assert.StartsWith("https://api.news.example/v1/articles?limit=1&format=atom&cursor=", feed.Links.Single(l => l.RelationshipType == "next").Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://api.news.example/v1/articles/", Assert.Single(feed.Items).Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSwaggerDocumentListsEveryArticleListsFeedsExportsAndTheFormatParameter()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var path in new[] { "/articles", "/topics/{slug}/articles", "/providers/{domain}/articles" })
        {
            var operation = paths.GetProperty(path).GetProperty("get");
            var content = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.Equal(["application/json", "application/atom+xml", "application/rss+xml", "application/feed+json", "application/x-ndjson", "text/csv"], content.EnumerateObject().Select(c => c.Name));
            var format = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "format");
            Assert.Equal("#/components/schemas/ResponseFormat", format.GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Equal(["json", "atom", "rss", "jsonfeed", "ndjson", "csv"], schemas.GetProperty("ResponseFormat").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }

        Assert.Equal(["application/json"], paths.GetProperty("/articles/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
    }

    private static async Task<SyndicationFeed> ReadXmlFeedAsync(HttpResponseMessage response, string mediaType)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new StringReader(text));
        SyndicationFeedFormatter formatter = mediaType == "application/rss+xml" ? new Rss20FeedFormatter() : new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), text);
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    /// <summary>The article's import time as its detail gives it, to the second (what the XML date formats keep).</summary>
    private async Task<DateTimeOffset> ImportedAtAsync(string id) =>
        Seconds((await _client.GetJsonAsync($"/articles/{id}")).GetProperty("importedAt").GetDateTimeOffset());

    private static DateTimeOffset Seconds(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);

    private async Task<(HttpStatusCode Status, string? ETag, string Body)> SendAsync(string accept, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?limit=3&sort=heat");
        request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await _client.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private sealed class PublicFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Api:PublicBaseUrl", "https://api.news.example/v1/")];
    }
}
