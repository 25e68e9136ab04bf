using System.Net;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// sort=popularity: heat descending, then publishedDateTime descending, then id descending; articles without a date
/// come last within their heat, and articles without a heat after every article with one (as under sort=-heat).
/// </summary>
public sealed class PopularitySortTests : IAsyncLifetime, IDisposable
{
    // title, heat, publishedDateTime, type
    private static readonly (string Title, int? Heat, string? Published, string Type)[] Articles =
    [
        ("a", 5, "2024-01-01T00:00:00Z", "news"),
        ("b", 5, "2024-03-01T00:00:00Z", "news"),
        ("c", 5, null, "blog"),
        ("d", 9, "2023-01-01T00:00:00Z", "blog"),
        ("e", 5, "2024-03-01T00:00:00Z", "blog"),
        ("f", null, "2024-05-01T00:00:00Z", "news"),
        ("g", null, null, "news"),
        ("h", null, null, "blog"),
        ("i", -1, "2020-01-01T00:00:00Z", "news"),
        ("j", 0, "1969-12-31T00:00:00Z", "blog"),
        ("k", 5, null, "news"),
    ];

    private readonly ArticleApiFactory _factory = new("no samples");
    private HttpClient _client = null!;
    private Dictionary<string, string> _ids = null!;

    public async Task InitializeAsync()
    {
        foreach (var (title, heat, published, type) in Articles)
        {
            await File.WriteAllTextAsync(Path.Combine(_factory.SourceDirectory, title + ".md"),
                $"---\ntitle: {title}\ntype: {type}\n{(heat is null ? "" : $"heat: {heat}\n")}{(published is null ? "" : $"publishedDateTime: {published}\n")}"
                + "topics:\n  - Popular\nprovider:\n  name: Example\n  domain: example.org\n---\n");
        }

        await _factory.ImportAsync();
        _client = _factory.CreateClient();
        var all = await _client.GetJsonAsync("/articles?limit=100");
        _ids = all.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("id").GetString()!);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("/articles?sort=popularity")]
    [InlineData("/topics/popular/articles?sort=popularity")]
    [InlineData("/providers/example.org/articles?sort=popularity")]
    [InlineData("/articles?sort=popularity&topic=popular")] // the topic drives the page: the order is then sorted, not read from the index
    public async Task HeatThenRecencyThenIdWithUndatedAndUnheatedLast(string url)
    {
        var titles = (await _client.GetJsonAsync(url + "&limit=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

        Assert.Equal(Expected(_ => true), titles);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 2)]
    [InlineData("", 3)]
    [InlineData("&topic=popular", 2)]
    [InlineData("&type=blog", 1)]
    [InlineData("&minHeat=0", 2)]
    public async Task NextCursorsWalkEveryArticleOnceInOrder(string filter, int limit)
    {
        var ids = await _client.GetAllIdsAsync($"/articles?sort=popularity{filter}&limit={limit}");

        Func<(string Title, int? Heat, string? Published, string Type), bool> keep = filter switch
        {
            "&type=blog" => a => a.Type == "blog",
            "&minHeat=0" => a => a.Heat >= 0,
            _ => _ => true,
        };
        Assert.Equal(Expected(keep).Select(t => _ids[t]), ids);
    }

    [Theory]
    [InlineData("/articles?sort=popularity&format=ndjson")]
    [InlineData("/providers/example.org/articles?sort=popularity&format=ndjson")]
    public async Task TheExportStreamsThePopularityOrder(string url)
    {
        var titles = (await _client.GetStringAsync(url)).TrimEnd('\n').Split('\n')
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("title").GetString()!).ToList();

        Assert.Equal(Expected(_ => true), titles);
    }

    [Fact]
    public async Task ACursorOfAnotherSortIsRefused()
    {
        var next = (await _client.GetJsonAsync("/articles?sort=-heat&limit=1")).GetProperty("next").GetString()!;
        var cursor = next[(next.IndexOf("cursor=", StringComparison.Ordinal) + 7)..].Split('&')[0];

        await _client.AssertProblemAsync($"/articles?sort=popularity&cursor={cursor}", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["cursor"] = ["belongs to sort '-heat', not 'popularity': keep the sort of the page it came from."] });
    }

    /// <summary>The order by hand: ties of heat and date broken by id, descending.</summary>
    private List<string> Expected(Func<(string Title, int? Heat, string? Published, string Type), bool> keep) =>
        [.. Articles.Where(keep)
            .OrderBy(a => a.Heat is null).ThenByDescending(a => a.Heat)
            .ThenBy(a => a.Published is null).ThenByDescending(a => a.Published is null ? 0 : DateTimeOffset.Parse(a.Published, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds())
            .ThenByDescending(a => _ids[a.Title], StringComparer.Ordinal)
            .Select(a => a.Title)];
}
