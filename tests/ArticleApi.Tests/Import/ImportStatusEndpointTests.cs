using System.Net;
using System.Text.Json;
using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Import;

public sealed class ImportStatusEndpointTests
{
    [Fact]
    public async Task StatusBeforeAnyPassIsNotFoundProblem()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/import/status");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No import pass yet", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task StatusReportsTheLastPassOverTheSamples()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/import/status"));
        var root = body.RootElement;

        Assert.Equal(38, root.GetProperty("seen").GetInt32());
        Assert.Equal(35, root.GetProperty("added").GetInt32());
        Assert.False(root.GetProperty("running").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("finishedAt").ValueKind);
        var skipped = root.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("path").GetString(), s.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
            [
                ("README.md", "no front matter: the first line is not ---"),
                ("people/jane-doe.md", "no title: not an item (a profile, a README or another page)"),
            ],
            skipped);
        var failure = Assert.Single(root.GetProperty("failures").EnumerateArray());
        Assert.Equal("broken/2026-01-01-broken-front-matter.md", failure.GetProperty("path").GetString());
        Assert.Equal(4, failure.GetProperty("line").GetInt32());
        Assert.Equal(3, failure.GetProperty("column").GetInt32());
        Assert.Equal("invalid YAML: While parsing a block mapping, did not find expected key", failure.GetProperty("reason").GetString());
    }
}
