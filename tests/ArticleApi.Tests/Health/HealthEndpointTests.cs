using System.Net;
using System.Text.Json;
using ArticleApi.Data;
using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleApi.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LivenessAnswersWithoutAskingTheDatabase()
    {
        using var factory = new ImportingFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessCountsTheArticlesOncePerDataVersion()
    {
        var counter = new StatementCounter();
        using var factory = new ImportingFactory();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(counter)));
        using var client = host.CreateClient();
        await factory.ImportAsync();
        host.Services.GetRequiredService<DataVersion>().Invalidate();

        counter.Clear();
        var first = await ArticleCountAsync(client);
        var second = await ArticleCountAsync(client);
        var countsAfterTwoProbes = CountStatements(counter);
        File.WriteAllText(Path.Combine(factory.SourceDirectory, "new.md"), "---\ntitle: New\n---\n");
        await factory.ImportAsync();
        host.Services.GetRequiredService<DataVersion>().Invalidate();
        var afterImport = await ArticleCountAsync(client);

        Assert.Equal((35, 35, 1, 36, 2), (first, second, countsAfterTwoProbes, afterImport, CountStatements(counter)));
    }

    private static async Task<long> ArticleCountAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("articleCount").GetInt64();
    }

    private static int CountStatements(StatementCounter counter) =>
        counter.Statements.Count(statement => statement.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && statement.Contains("\"Articles\"", StringComparison.Ordinal));

    [Fact]
    public async Task ReadinessIsServiceUnavailableBeforeTheFirstImportPass()
    {
        using var factory = new ImportingFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no-store, no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(
            $$"""{"status":"Degraded","databaseProvider":"{{TestDatabase.Provider}}","articleCount":0,"lastImportAt":null,"failedFiles":null,"checks":[{"name":"database","status":"Healthy","description":"the database answers and holds the current schema"},{"name":"import","status":"Degraded","description":"the first import pass has not finished yet"}]}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessReportsTheArticleCountAndTheLastPassOnceTheFirstPassHasFinished()
    {
        using var factory = new ImportingFactory();
        using var client = factory.CreateClient();
        var report = await factory.ImportAsync();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        Assert.Equal(TestDatabase.Provider, root.GetProperty("databaseProvider").GetString());
        Assert.Equal(35, root.GetProperty("articleCount").GetInt64());
        Assert.Equal(1, root.GetProperty("failedFiles").GetInt32());
        // Stored as Unix milliseconds.
        Assert.Equal(report.FinishedAt!.Value.ToUnixTimeMilliseconds(), root.GetProperty("lastImportAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(
            [("database", "Healthy"), ("import", "Healthy")],
            root.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString())).ToList());
    }

    [Fact]
    public async Task APassThatFailsAsAWholeMakesTheServiceNotReadyWithTheReasonUntilAPassCompletes()
    {
        using var factory = new ImportingFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        var articles = factory.SourceDirectory;
        var parked = articles + ".parked";
        Directory.Move(articles, parked);

        Assert.Null(await factory.Services.GetRequiredService<ImportCoordinator>().RunPassAsync(CancellationToken.None));
        using var failed = await client.GetAsync("/health/ready");
        using var status = JsonDocument.Parse(await client.GetStringAsync("/import/status"));
        Directory.Move(parked, articles);
        await factory.ImportAsync();
        using var recovered = await client.GetAsync("/health/ready");

        var reason = $"Import:SourceDirectory '{articles}' does not exist";
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        using var body = JsonDocument.Parse(await failed.Content.ReadAsStringAsync());
        Assert.Equal("the last import pass failed: " + reason, body.RootElement.GetProperty("checks")[1].GetProperty("description").GetString());
        // /import/status names the folder, not the server's path to it.
        Assert.Equal("failed: Import:SourceDirectory 'articles' does not exist", status.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("articles", status.RootElement.GetProperty("sourceDirectory").GetString());
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task ReadinessWithImportDisabledNeedsOnlyTheDatabaseAndItsSchema()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$"""{"status":"Healthy","databaseProvider":"{{TestDatabase.Provider}}","articleCount":0,"lastImportAt":null,"failedFiles":null,"checks":[{"name":"database","status":"Healthy","description":"the database answers and holds the current schema"},{"name":"import","status":"Healthy","description":"import runs in another process (Import:Enabled=false)"}]}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5000/health/ready")]
    [InlineData("8080", "http://127.0.0.1:8080/health/ready")]
    [InlineData("8080;8081", "http://127.0.0.1:8080/health/ready")]
    public void TheProbeCommandAsksTheFirstConfiguredPort(string? httpPorts, string expected)
    {
        Assert.Equal(expected, ArticleApi.Health.HealthProbeCommand.DefaultUrl(httpPorts));
    }

    /// <summary>Import enabled, as in production, but without the worker: the test decides when the first pass runs.</summary>
    private sealed class ImportingFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Import:Enabled", "true")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ImportWorker));
                services.Remove(worker);
            });
        }
    }
}
