using System.Net;
using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// A topic's or provider's existence, asked once per name and data version (<see cref="ScopeExistence"/>): remembered
/// between pages, forgotten when an import changes the data, and bounded against callers inventing names.
/// </summary>
public sealed class ScopeExistenceTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    [Theory]
    [InlineData("/topics/ai/articles", "\"Topics\"")]
    [InlineData("/providers/techcrunch.com/articles", "\"Providers\"")]
    public async Task ALaterPageOfTheSameScopeAsksNotAgainWhetherItExists(string route, string table)
    {
        var counter = new StatementCounter();
        using var host = fixture.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();

        counter.Clear();
        var first = await client.GetAsync(route + "?limit=1");
        var askedFirst = counter.Statements.Count(s => IsExistence(s, table));
        counter.Clear();
        var second = await client.GetAsync(route + "?limit=2&sort=-quality");
        var askedSecond = counter.Statements.Count(s => IsExistence(s, table));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((1, 0), (askedFirst, askedSecond));
    }

    [Fact]
    public async Task AnImportThatAddsOrRemovesATopicOrProviderIsSeenByTheNextRequest()
    {
        await using var factory = new ArticleApiFactory();
        Write(factory, "one.md", "one.example", "Alpha");
        await factory.ImportAsync();
        using var client = factory.CreateClient();
        string[] routes = ["/providers/one.example/articles", "/topics/alpha/articles", "/providers/two.example/articles", "/topics/beta/articles"];
        async Task<HttpStatusCode[]> StatusesAsync() =>
            await Task.WhenAll(routes.Select(async route => (await client.GetAsync(route)).StatusCode));

        var before = await StatusesAsync();
        Write(factory, "two.md", "two.example", "Beta");
        await factory.ImportAsync();
        var added = await StatusesAsync();
        File.Delete(Path.Combine(factory.SourceDirectory, "one.md"));
        await factory.ImportAsync();
        var removed = await StatusesAsync();

        const HttpStatusCode ok = HttpStatusCode.OK, missing = HttpStatusCode.NotFound;
        Assert.Equal([ok, ok, missing, missing], before);
        Assert.Equal([ok, ok, ok, ok], added);
        Assert.Equal([missing, missing, ok, ok], removed);
    }

    [Fact]
    public async Task PastTheBoundANameIsAskedEachTimeAndTheRememberedOnesStay()
    {
        var existence = fixture.Services.GetRequiredService<ScopeExistence>();
        var asked = 0;
        Task<bool> Ask(CancellationToken _)
        {
            asked++;
            return Task.FromResult(false);
        }

        // Other tests of the class may have remembered a few names already: fill the rest of the bound.
        var prefix = Guid.NewGuid().ToString("N");
        for (var i = 0; i < ScopeExistence.MaxRemembered; i++)
        {
            await existence.ExistsAsync(ScopeExistence.ScopeKind.Provider, $"{prefix}-{i}.example", Ask, CancellationToken.None);
        }

        var filling = asked;
        await existence.ExistsAsync(ScopeExistence.ScopeKind.Provider, $"{prefix}-0.example", Ask, CancellationToken.None);
        var remembered = asked - filling;
        await existence.ExistsAsync(ScopeExistence.ScopeKind.Topic, $"{prefix}-past", Ask, CancellationToken.None);
        await existence.ExistsAsync(ScopeExistence.ScopeKind.Topic, $"{prefix}-past", Ask, CancellationToken.None);
        var past = asked - filling - remembered;

        Assert.Equal(ScopeExistence.MaxRemembered, filling);
        Assert.Equal(0, remembered);
        Assert.Equal(2, past);
    }

    // LookupStatements' TopicExists and ProviderExists: one row found, from the scope's own table.
    private static bool IsExistence(string statement, string table) =>
        statement.StartsWith("SELECT 1 AS \"Found\" FROM " + table, StringComparison.Ordinal);

    private static void Write(ArticleApiFactory factory, string file, string domain, string topic) =>
        File.WriteAllText(Path.Combine(factory.SourceDirectory, file), $"""
            ---
            title: An article from {domain}
            type: news
            publishedDateTime: 2026-01-02T03:04:05Z
            provider:
              name: {domain}
              domain: {domain}
            topics:
              - {topic}
            ---
            """ + "\n");
}
