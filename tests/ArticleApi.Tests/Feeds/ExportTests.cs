using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Feeds;

/// <summary>
/// Whole results as NDJSON and CSV over 1,234 generated articles: more than two export batches of 500, with undated,
/// unrated and text-heavy rows, so every walk crosses batch and null-segment boundaries.
/// </summary>
public sealed class ExportTests(GeneratedApiFixture fixture) : IClassFixture<GeneratedApiFixture>
{
    private const int Count = GeneratedApiFixture.Count;

    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string> Queries => new()
    {
        "",
        "sort=publishedDateTime",
        "sort=quality",
        "sort=-heat",
        "topic=topic-b",
        "minQuality=20&excludeTopic=topic-c&sort=-quality",
        "q=alpha",
        "q=alpha&sort=relevance",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task AnNdjsonExportIsEveryItemOfTheListInItsOrder(string query)
    {
        var expected = await AllItemsAsync($"/articles?{query}&limit=100");
        using var response = await _client.GetAsync($"/articles?{query}&format=ndjson");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.True(expected.Count > 100, $"only {expected.Count} items");
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task TheWholeCollectionExportsOnceInTheIndependentOrder()
    {
        var rows = SampleRows.Articles(fixture);

        var ids = (await _client.GetStringAsync("/articles?format=ndjson")).TrimEnd('\n').Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!).ToList();

        Assert.Equal(Count, ids.Count);
        Assert.Equal(SampleRows.Ordered(rows, r => r.Published, descending: true), ids);
    }

    [Fact]
    public async Task ACsvExportHasAHeaderAndOneQuotedRowPerArticle()
    {
        var rows = SampleRows.Articles(fixture).ToDictionary(r => r.Id);
        var expected = await _client.GetAllIdsAsync("/articles?sort=quality&limit=100");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles?sort=quality");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await _client.SendAsync(request);
        var records = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["id", "sourcePath", "title", "excerpt", "publishedDateTime", "webUrl", "type", "category", "quality", "heat", "published",
                "providerName", "providerDomain", "topics", "imageUrl", "imageWidth", "imageHeight"],
            records[0]);
        Assert.Equal(expected, records.Skip(1).Select(r => r[0]));
        foreach (var record in records.Skip(1))
        {
            var row = rows[record[0]];
            Assert.Equal(17, record.Count);
            Assert.Equal(row.Title, record[2]);
            Assert.Equal(row.Excerpt ?? "", record[3]);
            Assert.Equal(row.Published is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture) : "", record[4]);
            Assert.Equal(row.Quality?.ToString(CultureInfo.InvariantCulture) ?? "", record[8]);
            Assert.Equal(row.Provider ?? "", record[12]);
            Assert.Equal(string.Join(';', row.Topics), record[13]);
        }

        Assert.Contains(records, r => r[2].Contains('"', StringComparison.Ordinal) && r[2].Contains(',', StringComparison.Ordinal));
        Assert.Contains(records, r => r[3].Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACsvExportOfASearchHasTheSnippetColumnAndAnEmptyResultIsTheHeaderAlone()
    {
        var search = CsvText.Parse(await _client.GetStringAsync("/articles?q=alpha&format=csv&topic=topic-a"));
        var empty = await _client.GetStringAsync("/articles?format=csv&topic=topic-a&minQuality=1000");
        var emptyNdjson = await _client.GetStringAsync("/articles?format=ndjson&topic=topic-a&minQuality=1000");

        Assert.Equal("snippet", search[0][^1]);
        Assert.All(search.Skip(1), r => Assert.Contains("<mark>", r[^1], StringComparison.OrdinalIgnoreCase));
        Assert.True(search.Count > 2);
        Assert.StartsWith("id,sourcePath,title,", empty, StringComparison.Ordinal);
        Assert.Single(CsvText.Parse(empty));
        Assert.Equal("", emptyNdjson);
    }

    [Fact]
    public async Task AnExportStartsAfterItsCursorAndIgnoresLimit()
    {
        var first = await _client.GetJsonAsync("/articles?sort=-heat&limit=7");
        var next = first.GetProperty("next").GetString()!;
        var rest = await AllItemsAsync(next.Replace("limit=7", "limit=100", StringComparison.Ordinal));

        var lines = (await _client.GetStringAsync(next + "&format=ndjson")).TrimEnd('\n').Split('\n');

        Assert.Equal(Count - 7, lines.Length);
        Assert.Equal(rest, lines);
    }

    [Fact]
    public async Task AnExportHasAnETagAnswers304AndHeadSendsItsHeadersOnly()
    {
        using var first = await _client.GetAsync("/articles?format=csv&topic=topic-b");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/articles?format=csv&topic=topic-b");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(conditional);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles?format=csv&topic=topic-b"));

        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/csv", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnExportIsNeverKeptInTheResponseCacheButAFeedIs()
    {
        var counter = new StatementCounter();
        using var factory = new ArticleApiFactory();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        await factory.ImportAsync();

        var export = await client.GetStringAsync("/articles?format=ndjson");
        var feed = await client.GetStringAsync("/articles?format=rss");
        counter.Clear();
        var exportAgain = await client.GetStringAsync("/articles?format=ndjson");
        var exportStatements = counter.Statements.Count;
        counter.Clear();
        var feedAgain = await client.GetStringAsync("/articles?format=rss");

        Assert.Equal(export, exportAgain);
        Assert.Equal(feed, feedAgain);
        Assert.True(exportStatements > 0);
        Assert.Empty(counter.Statements);
    }

    /// <summary>The list's items as compact JSON text, following <c>next</c> to the end.</summary>
    private async Task<List<string>> AllItemsAsync(string url)
    {
        var items = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await _client.GetJsonAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()));
            next = page.GetProperty("next").GetString();
        }

        return items;
    }
}
