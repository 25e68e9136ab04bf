using System.Data.Common;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// Counts the SQL statements a list request runs, through a command interceptor in a host of its own over the
/// fixture's database (the data-version read aside): a fixed number whatever the page size, so no per-row queries.
/// </summary>
public sealed class ArticleStatementCountTests(SampleApiFixture fixture) : IClassFixture<SampleApiFixture>
{
    [Theory]
    [InlineData("/articles?limit=2", 3)] // page keys, rows with their topics and images, + whether the sort column has NULLs (once per data version)
    [InlineData("/articles?limit=20", 3)]
    [InlineData("/articles?limit=100", 4)] // a page not filled by dated articles reads on into the undated ones: one more range
    [InlineData("/articles?topic=ai&limit=20", 9)] // + topic and provider counts, the number of articles, and whether a walk finds a page, once per data version (they pick the topic plan)
    [InlineData("/articles?q=kubernetes&limit=20", 5)] // + a bounded count of the matches (it picks the plan); the snippets come from the rows
    [InlineData("/articles?q=kubernetes&searchIn=title,body&limit=20", 6)] // + the bodies of the page's rows, for their snippets
    [InlineData("/articles?q=kubernetes&sort=relevance&includeTotal=true&facets=topic,provider,published,type", 5)] // one range, + the matches' keys, + the columns and the ids' order once per data version (total and facets count them in memory)
    [InlineData("/topics/ai/articles?limit=50", 9)] // + the topic's existence, + the counts once per data version
    [InlineData("/related?limit=50", 2)] // links with images, their targets
    [InlineData("/articles/news-2026-05-20-serverless-containers-finally-get-fast-cold-starts", 1)] // the row with its provider, images, topics and related links resolved
    public async Task AListRunsAFixedNumberOfStatements(string url, int expected)
    {
        var counter = new StatementCounter();
        using var host = fixture.WithWebHostBuilder(builder => builder.ConfigureTestServices(counter.Join));
        using var client = host.CreateClient();
        counter.Clear(); // the host's start-up schema check is not the request's

        await client.GetJsonAsync(url);

        var statements = counter.Statements;
        Assert.True(expected == statements.Count, $"{url} ran {statements.Count} statements:\n{string.Join("\n---\n", statements)}");
    }
}
