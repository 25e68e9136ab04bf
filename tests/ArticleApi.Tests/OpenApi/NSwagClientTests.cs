using System.Net;
using ArticleApi.Tests.Generated.NSwag;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace ArticleApi.Tests.OpenApi;

/// <summary>
/// The NSwag client generated from the served document at build time (Json.NET: it rejects a null or a missing member
/// the document does not allow) against the real pipeline, every operation, every answer compared with plain HTTP.
/// </summary>
[Collection(ContractApiFixture.Collection)]
public sealed class NSwagClientTests(ContractApiFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = fixture.CreateClient();
    private ArticleApiClient _client = null!;
    private ContractData _data = null!;

    public async Task InitializeAsync()
    {
        _client = new ArticleApiClient(_http);
        _data = await ContractData.LoadAsync(_http);
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AListWithEveryFilterFindsTheArticleItWasBuiltFromAsPlainHttpDoes()
    {
        var article = _data.Article;

        var page = await _client.ListArticlesAsync(
            published: article.GetProperty("published").GetBoolean(),
            minQuality: article.GetProperty("quality").GetInt32(), maxQuality: article.GetProperty("quality").GetInt32(),
            minHeat: article.GetProperty("heat").GetInt32(), maxHeat: article.GetProperty("heat").GetInt32(),
            topic: [_data.TopicSlug], topicMatch: TopicMatch.All, provider: [_data.ProviderDomain], from: _data.Published, to: _data.Published,
            type: article.GetProperty("type").GetString(), category: article.GetProperty("category").GetString(), q: _data.Word,
            sort: ArticleSort.Relevance, limit: 100, includeTotal: true, facets: [Facet.Topic, Facet.Provider, Facet.Published, Facet.Type]);

        Assert.Equal(await ContractData.IdsAsync(_http, "/articles?" + _data.EveryFilterQuery), page.Items.Select(i => i.Id));
        Assert.Contains(page.Items, i => i.Id == _data.Id);
        Assert.All(page.Items, i => Assert.Equal((_data.Published, _data.ProviderDomain), (i.PublishedDateTime, i.Provider?.Domain)));
        Assert.All(page.Items, i => Assert.False(string.IsNullOrEmpty(i.Snippet)));
        Assert.Equal(page.Items.Count, page.Total);
        Assert.Null(page.Next);
        Assert.Equal(page.Items.Count, Assert.Single(page.Facets!.Provider!).Count);
        Assert.Equal(page.Items.Count, Assert.Single(page.Facets.Published!).Count);
        Assert.Equal(page.Items.Count, Assert.Single(page.Facets.Type!).Count);
        Assert.Contains(page.Facets.Topic!, f => f.Value == _data.TopicSlug && f.Count == page.Items.Count);
    }

    [Fact]
    public async Task FollowingNextVisitsEveryArticleOnceInTheOrderPlainHttpGets()
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.ListArticlesAsync(limit: ContractData.PageSize, cursor: cursor);
            ids.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next is null ? null : QueryHelpers.ParseQuery(new Uri(_http.BaseAddress!, page.Next).Query)["cursor"].Single();
        }
        while (cursor is not null);

        Assert.Equal(_data.AllIds, ids);
    }

    [Fact]
    public async Task DetailRelatedLinksAndBacklinksReadBack()
    {
        var raw = await _http.GetJsonAsync($"/articles/{Uri.EscapeDataString(_data.RelatedSource)}");

        var detail = await _client.GetArticleAsync(_data.RelatedSource);
        var related = await _client.GetArticleRelatedAsync(_data.RelatedSource);
        var backlinks = await _client.GetArticleBacklinksAsync(_data.RelatedTarget);

        Assert.Equal(raw.GetProperty("title").GetString(), detail.Title);
        Assert.Equal(raw.GetProperty("body").GetString(), detail.Body);
        Assert.Equal(raw.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), detail.Topics.Select(t => t.Slug));
        Assert.Equal(raw.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()), detail.Related.Select(r => r.Id));
        Assert.Equal(detail.Related.Select(r => (r.Id, r.ArticleId)), related.Items.Select(r => (r.Id, r.ArticleId)));
        Assert.Contains(related.Items, r => r.ArticleId == _data.RelatedTarget);
        Assert.Contains(backlinks.Items, b => b.Id == _data.RelatedSource);
    }

    [Fact]
    public async Task TopicsAndProvidersWithTheirArticlesReadBack()
    {
        var topics = await _client.ListTopicsAsync(limit: 1000);
        var providers = await _client.ListProvidersAsync(limit: 1000);
        var slug = _data.Topic.GetProperty("slug").GetString()!;
        var domain = _data.Provider.GetProperty("domain").GetString()!;
        var topic = await _client.GetTopicAsync(slug);
        var provider = await _client.GetProviderAsync(domain);
        var topicArticles = await _client.ListTopicArticlesAsync(slug, limit: 1, includeTotal: true);
        var providerArticles = await _client.ListProviderArticlesAsync(domain, limit: 1, includeTotal: true);

        Assert.Equal((_data.TopicCount, _data.ProviderCount), (topics.Items.Count, providers.Items.Count));
        Assert.Equal(_data.Topic.GetProperty("articleCount").GetInt32(), topic.ArticleCount);
        Assert.Equal(topic.ArticleCount, topicArticles.Total);
        Assert.Equal(_data.Provider.GetProperty("articleCount").GetInt32(), provider.ArticleCount);
        Assert.Equal(provider.ArticleCount, providerArticles.Total);
        Assert.Equal(_data.Provider.GetProperty("logo").ValueKind == System.Text.Json.JsonValueKind.Null, provider.Logo is null);
    }

    [Fact]
    public async Task CollectionsAndTheChangeFeedReadBack()
    {
        var raw = await _http.GetJsonAsync($"/articles/{Uri.EscapeDataString(_data.CollectionId)}/items");

        var items = await _client.GetCollectionItemsAsync(_data.CollectionId);
        var member = items.Items.First(i => i.ArticleId is not null).ArticleId!;
        var collections = await _client.GetArticleCollectionsAsync(member);
        var changes = new List<ChangeResponse>();
        for (ChangePage? page = null; page is null || page.More;)
        {
            page = await _client.ListChangesAsync(since: page?.Token, limit: 1000);
            changes.AddRange(page.Items);
        }

        var latest = await _client.ListChangesAsync(since: "latest");

        Assert.Equal(raw.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()), items.Items.Select(i => i.Path));
        Assert.Contains(collections.Items, c => c.Id == _data.CollectionId);
        Assert.Equal(_data.AllIds.Order(StringComparer.Ordinal), changes.Where(c => c.Kind == "added").Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Empty(latest.Items);
        Assert.False(latest.More);
    }

    [Fact]
    public async Task RelatedLinksPageByCursor()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await _client.ListRelatedLinksAsync(limit: ContractData.PageSize, cursor: cursor);
            count += page.Items.Count;
            cursor = page.Next is null ? null : QueryHelpers.ParseQuery(new Uri(_http.BaseAddress!, page.Next).Query)["cursor"].Single();
        }
        while (cursor is not null);

        Assert.Equal(_data.RelatedLinkCount, count);
    }

    [Fact]
    public async Task ImportStatusAndProbesReadBack()
    {
        var raw = await _http.GetJsonAsync("/import/status");

        var status = await _client.GetImportStatusAsync();
        var live = await _client.GetLivenessAsync();
        var ready = await _client.GetReadinessAsync();

        Assert.Equal((raw.GetProperty("seen").GetInt32(), raw.GetProperty("added").GetInt32(), raw.GetProperty("failedCount").GetInt32()), (status.Seen, status.Added, status.FailedCount));
        Assert.Equal(raw.GetProperty("failures").GetArrayLength(), status.Failures.Count);
        Assert.Equal("Healthy", live.Status);
        Assert.Equal(("Healthy", (long)_data.AllIds.Count), (ready.Status, ready.ArticleCount));
    }

    [Fact]
    public async Task HeadAndTheConditionalGetWork()
    {
        using var response = await _http.GetAsync("/articles");
        var etag = response.Headers.ETag!.ToString();

        await _client.ListArticlesHeadAsync();
        var notModified = await Assert.ThrowsAsync<ApiException>(() => _client.ListArticlesAsync(if_None_Match: etag));

        Assert.Equal((int)HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task ProblemsArriveAsTypedExceptionsWithTheirBodies()
    {
        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => _client.ListArticlesAsync(sort: ArticleSort.Relevance, limit: 0));
        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _client.GetArticleAsync("no-such-article"));

        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(new Dictionary<string, string[]>
        {
            ["sort"] = ["'relevance' needs a search: add q."],
            ["limit"] = ["0 is out of range: use 1 to 100."],
        }, invalid.Result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        Assert.Equal((404, "Article not found", "No article has the id 'no-such-article'."), (missing.StatusCode, missing.Result.Title, missing.Result.Detail));
    }
}
