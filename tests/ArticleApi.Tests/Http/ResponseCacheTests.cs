using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Http;

/// <summary>Whole responses are reused while the data version stands, and never after it moves.</summary>
public sealed class ResponseCacheTests
{
    [Fact]
    public async Task ARepeatedRequestRunsNoQueryUntilAnImportChangesSomething()
    {
        var counter = new StatementCounter();
        using var factory = new ArticleApiFactory();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        await factory.ImportAsync();
        const string url = "/articles?facets=topic,provider&limit=5";

        using var first = await client.GetAsync(url);
        var firstBody = await first.Content.ReadAsStringAsync();
        counter.Clear();
        using var second = await client.GetAsync(url);

        Assert.Empty(counter.Statements);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        var path = Path.Combine(factory.SourceDirectory, "news", "2026-12-01-fresh.md");
        await File.WriteAllTextAsync(path, "---\ntitle: \"Fresh\"\npublishedDateTime: 2026-12-01T08:00:00Z\ntopics:\n  - AI\n---\n");
        await host.Services.GetRequiredService<ArticleApi.Import.ImportCoordinator>().RunPassAsync(CancellationToken.None);
        using var third = await client.GetAsync(url);
        var thirdBody = await third.Content.ReadAsStringAsync();

        Assert.NotEqual(first.Headers.ETag, third.Headers.ETag);
        Assert.Contains("\"title\":\"Fresh\"", thirdBody, StringComparison.Ordinal);
        Assert.NotEmpty(counter.Statements);
    }

    [Fact]
    public async Task ErrorsAreNotCached()
    {
        var counter = new StatementCounter();
        using var factory = new ArticleApiFactory();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        await factory.ImportAsync();

        using var first = await client.GetAsync("/articles/no-such-article");
        counter.Clear();
        using var second = await client.GetAsync("/articles/no-such-article");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, second.StatusCode);
        Assert.NotEmpty(counter.Statements);
    }
}
