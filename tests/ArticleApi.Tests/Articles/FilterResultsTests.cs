using System.Text.Json;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The totals and facets of every filter are counted over the articles' columns, read from the database once per data
/// version, whatever page, sort, size or filter asks for them.
/// </summary>
public sealed class FilterResultsTests
{
    [Fact]
    public async Task TheColumnsAreReadOncePerDataVersionWhateverTheFilter()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var counter = new StatementCounter();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(counter)));
        using var client = host.CreateClient();
        const string Filter = "published=true&includeTotal=true&facets=type";

        var (first, firstCounts) = await ReadAsync(client, counter, $"/articles?{Filter}&limit=2");
        var (second, secondCounts) = await ReadAsync(client, counter, first.GetProperty("next").GetString()!);
        var (_, otherSortCounts) = await ReadAsync(client, counter, $"/articles?{Filter}&sort=-heat&limit=5");
        var (other, otherFilterCounts) = await ReadAsync(client, counter, "/articles?published=false&includeTotal=true&facets=type&limit=2");

        var file = Path.Combine(factory.SourceDirectory, "news", "2026-05-20-serverless-containers-finally-get-fast-cold-starts.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("quality: 70", "quality: 71", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, (await factory.ImportAsync()).Counts.Updated);
        host.Services.GetRequiredService<ArticleApi.Data.DataVersion>().Invalidate();
        var (_, afterImportCounts) = await ReadAsync(client, counter, $"/articles?{Filter}&limit=2");

        // One read of the columns, then none until the data changes; no statement counts rows.
        Assert.Equal((1, 0, 0, 0, 1), (firstCounts, secondCounts, otherSortCounts, otherFilterCounts, afterImportCounts));
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal(first.GetProperty("facets").GetRawText(), second.GetProperty("facets").GetRawText());
        Assert.NotEqual(first.GetProperty("total").GetInt32(), other.GetProperty("total").GetInt32());
    }

    /// <summary>
    /// The response and how many of its statements read or count every article: the columns' read (the article rows
    /// without a WHERE), a facet's GROUP BY, a total's COUNT(*) (the bounded counts that pick a plan have a LIMIT).
    /// </summary>
    private static async Task<(JsonElement Body, int Counts)> ReadAsync(HttpClient client, StatementCounter counter, string url)
    {
        counter.Clear();
        var body = await client.GetJsonAsync(url);
        Assert.DoesNotContain(counter.Statements, s => s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)
            || (s.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && !s.Contains("LIMIT", StringComparison.OrdinalIgnoreCase)));
        return (body, counter.Statements.Count(s => s.Contains("\"ListTopics\"", StringComparison.Ordinal) && !s.Contains("WHERE", StringComparison.OrdinalIgnoreCase)));
    }
}
