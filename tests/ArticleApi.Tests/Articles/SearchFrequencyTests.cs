using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>The bounded count that picks a search's plan runs once per search and data version, and again after an import.</summary>
public sealed class SearchFrequencyTests
{
    private const string BoundedCount = "SELECT COUNT(*)";

    [Fact]
    public async Task ASearchIsCountedOncePerDataVersion()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var counter = new StatementCounter();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(counter)));
        using var client = host.CreateClient();

        var first = await CountsAsync(client, counter, "/articles?q=kubernetes&limit=2");
        var samePage = await CountsAsync(client, counter, "/articles?q=kubernetes&limit=2");
        var otherFilters = await CountsAsync(client, counter, "/articles?q=Kubernetes&minQuality=10&limit=5");
        var otherSearch = await CountsAsync(client, counter, "/articles?q=postgres&limit=2");

        var file = Path.Combine(factory.SourceDirectory, "news", "2026-05-20-serverless-containers-finally-get-fast-cold-starts.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("quality: 70", "quality: 71", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, (await factory.ImportAsync()).Counts.Updated);
        host.Services.GetRequiredService<ArticleApi.Data.DataVersion>().Invalidate();
        var afterImport = await CountsAsync(client, counter, "/articles?q=kubernetes&limit=2");

        // Full-text matching ignores case, so "Kubernetes" is the same search; other filters do not change its frequency.
        Assert.Equal((1, 0, 0, 1, 1), (first, samePage, otherFilters, otherSearch, afterImport));
    }

    private static async Task<int> CountsAsync(HttpClient client, StatementCounter counter, string url)
    {
        counter.Clear();
        await client.GetJsonAsync(url);
        // The search's count, not FilterSizes' count of a quality range: it reads the full-text index (FTS5 table or tsvector).
        return counter.Statements.Count(statement => statement.Contains(BoundedCount, StringComparison.OrdinalIgnoreCase)
            && (statement.Contains("ArticlesFts", StringComparison.Ordinal) || statement.Contains("SearchVector", StringComparison.Ordinal)));
    }
}
