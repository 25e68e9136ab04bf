using ArticleApi.Tests.Generated.Kiota;
using ArticleApi.Tests.Generated.Kiota.Models;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ArticleApi.Tests.OpenApi;

/// <summary>The Kiota client generated from the served document at build time, every operation against the real pipeline.</summary>
[Collection(ContractApiFixture.Collection)]
public sealed class KiotaClientTests(ContractApiFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = fixture.CreateClient();
    private ArticleApiKiotaClient _client = null!;
    private ContractData _data = null!;

    public async Task InitializeAsync()
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http) { BaseUrl = _http.BaseAddress!.ToString().TrimEnd('/') };
        _client = new ArticleApiKiotaClient(adapter);
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

        var page = await _client.Articles.GetAsync(request =>
        {
            var q = request.QueryParameters;
            q.Published = article.GetProperty("published").GetBoolean();
            (q.MinQuality, q.MaxQuality) = (article.GetProperty("quality").GetInt32(), article.GetProperty("quality").GetInt32());
            (q.MinHeat, q.MaxHeat) = (article.GetProperty("heat").GetInt32(), article.GetProperty("heat").GetInt32());
            (q.Topic, q.TopicMatch, q.Provider) = ([_data.TopicSlug], TopicMatch.All, [_data.ProviderDomain]);
            (q.From, q.To) = (_data.Published, _data.Published);
            (q.Type, q.Category, q.Q) = (article.GetProperty("type").GetString(), article.GetProperty("category").GetString(), _data.Word);
            (q.Sort, q.Limit, q.IncludeTotal) = (ArticleSort.Relevance, 100, true);
            q.Facets = [Facet.Topic, Facet.Provider, Facet.Published, Facet.Type];
        });

        Assert.Equal(await ContractData.IdsAsync(_http, "/articles?" + _data.EveryFilterQuery), page!.Items!.Select(i => i.Id));
        Assert.Contains(page.Items!, i => i.Id == _data.Id);
        Assert.Equal(page.Items!.Count, page.Total);
        Assert.Equal(page.Items!.Count, Assert.Single(page.Facets!.Provider!).Count);
        Assert.Contains(page.Facets.Topic!, f => f.Value == _data.TopicSlug && f.Count == page.Items!.Count);
    }

    [Fact]
    public async Task FollowingNextVisitsEveryArticleOnceInTheOrderPlainHttpGets()
    {
        var ids = new List<string>();
        var page = await _client.Articles.GetAsync(request => request.QueryParameters.Limit = ContractData.PageSize);
        ids.AddRange(page!.Items!.Select(i => i.Id!));
        while (page!.Next is { } next)
        {
            // next is relative to the API's address.
            page = await _client.Articles.WithUrl(new Uri(_http.BaseAddress!, next).ToString()).GetAsync();
            ids.AddRange(page!.Items!.Select(i => i.Id!));
        }

        Assert.Equal(_data.AllIds, ids);
    }

    [Fact]
    public async Task DetailRelatedLinksAndBacklinksReadBack()
    {
        var raw = await _http.GetJsonAsync($"/articles/{Uri.EscapeDataString(_data.RelatedSource)}");

        var detail = await _client.Articles[_data.RelatedSource].GetAsync();
        var related = await _client.Articles[_data.RelatedSource].Related.GetAsync();
        var backlinks = await _client.Articles[_data.RelatedTarget].Backlinks.GetAsync();

        Assert.Equal((raw.GetProperty("title").GetString(), raw.GetProperty("body").GetString()), (detail!.Title, detail.Body));
        Assert.Equal(raw.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()), detail.Related!.Select(r => r.Id!.Value));
        Assert.Contains(related!.Items!, r => r.ArticleId == _data.RelatedTarget);
        Assert.Contains(backlinks!.Items!, b => b.Id == _data.RelatedSource);
    }

    [Fact]
    public async Task TopicsProvidersRelatedLinksImportStatusAndProbesReadBack()
    {
        var slug = _data.Topic.GetProperty("slug").GetString()!;
        var domain = _data.Provider.GetProperty("domain").GetString()!;

        var topics = await _client.Topics.GetAsync(request => request.QueryParameters.Limit = 1000);
        var providers = await _client.Providers.GetAsync(request => request.QueryParameters.Limit = 1000);
        var topic = await _client.Topics[slug].GetAsync();
        var provider = await _client.Providers[domain].GetAsync();
        var topicArticles = await _client.Topics[slug].Articles.GetAsync(request => (request.QueryParameters.Limit, request.QueryParameters.IncludeTotal) = (1, true));
        var providerArticles = await _client.Providers[domain].Articles.GetAsync(request => (request.QueryParameters.Limit, request.QueryParameters.IncludeTotal) = (1, true));
        var related = await _client.Related.GetAsync(request => request.QueryParameters.Limit = 100);
        var status = await _client.Import.Status.GetAsync();
        var live = await _client.Health.Live.GetAsync();
        var ready = await _client.Health.Ready.GetAsync();

        Assert.Equal((_data.TopicCount, _data.ProviderCount), (topics!.Items!.Count, providers!.Items!.Count));
        Assert.Equal(topic!.ArticleCount, topicArticles!.Total);
        Assert.Equal(provider!.ArticleCount, providerArticles!.Total);
        Assert.Equal(Math.Min(100, _data.RelatedLinkCount), related!.Items!.Count);
        Assert.Equal(_data.AllIds.Count, status!.Added);
        Assert.Equal(("Healthy", "Healthy", (long)_data.AllIds.Count), (live!.Status, ready!.Status, ready.ArticleCount));
    }

    [Fact]
    public async Task CollectionsAndTheChangeFeedReadBack()
    {
        var items = await _client.Articles[_data.CollectionId].Items.GetAsync();
        var member = items!.Items!.First(i => i.ArticleId is not null).ArticleId!;
        var collections = await _client.Articles[member].Collections.GetAsync();
        var changes = new List<ChangeResponse>();
        for (ChangePage? page = null; page is null || page.More == true;)
        {
            var since = page?.Token;
            page = await _client.Changes.GetAsync(request => (request.QueryParameters.Since, request.QueryParameters.Limit) = (since, 1000));
            changes.AddRange(page!.Items!);
        }


        Assert.Contains(collections!.Items!, c => c.Id == _data.CollectionId);
        Assert.Equal(_data.AllIds.Order(StringComparer.Ordinal), changes.Where(c => c.Kind == "added").Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HeadAndTheConditionalGetWork()
    {
        using var response = await _http.GetAsync("/articles");
        var etag = response.Headers.ETag!.ToString();

        await _client.Articles.HeadAsync();
        var unchanged = await _client.Articles.GetAsync(request => request.Headers.Add("If-None-Match", etag));
        var changed = await _client.Articles.GetAsync(request => request.Headers.Add("If-None-Match", "W/\"v0-0\""));

        // Kiota answers a 304 with no object (there is no body to read).
        Assert.Null(unchanged);
        Assert.Equal(_data.AllIds.Take(20), changed!.Items!.Select(i => i.Id));
    }

    [Fact]
    public async Task ProblemsArriveAsTypedExceptionsWithTheirBodies()
    {
        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => _client.Articles.GetAsync(request => (request.QueryParameters.Sort, request.QueryParameters.Limit) = (ArticleSort.Relevance, 0)));
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Articles["no-such-article"].GetAsync());

        Assert.Equal((400, "One or more validation errors occurred."), (invalid.ResponseStatusCode, invalid.Title));
        Assert.Equal(["limit", "sort"], invalid.Errors!.AdditionalData.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((404, "Article not found", "No article has the id 'no-such-article'."), (missing.ResponseStatusCode, missing.Title, missing.Detail));
    }
}
