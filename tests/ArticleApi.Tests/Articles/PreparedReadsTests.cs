using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The read path's statements stay prepared on connections of their own (<c>Data/IPreparedReads</c>): they must still
/// read what the last import committed, and on SQLite let go of the database when the service stops.
/// </summary>
public sealed class PreparedReadsTests
{
    private const string ColdStarts = "news-2026-05-20-serverless-containers-finally-get-fast-cold-starts";

    [Fact]
    public async Task TheDetailAndTheListReadWhatTheLastImportCommitted()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();
        var before = (await QualityAsync(client, $"/articles/{ColdStarts}"), await ListedQualityAsync(client));

        var file = Path.Combine(factory.SourceDirectory, "news", "2026-05-20-serverless-containers-finally-get-fast-cold-starts.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("quality: 70", "quality: 71", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, (await factory.ImportAsync()).Counts.Updated);
        factory.Services.GetRequiredService<DataVersion>().Invalidate();

        Assert.Equal((70, 70), before);
        Assert.Equal((71, 71), (await QualityAsync(client, $"/articles/{ColdStarts}"), await ListedQualityAsync(client)));
    }

    [SkippableFact]
    public async Task OnSqliteAStoppedServiceLeavesOneDatabaseFile()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's WAL file: PostgreSQL has none");
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var serving = factory.WithWebHostBuilder(_ => { });
        using (var client = serving.CreateClient())
        {
            await client.GetJsonAsync($"/articles/{ColdStarts}");
            await client.GetJsonAsync("/articles?limit=5");
            Assert.True(File.Exists(factory.DatabasePath + "-wal"));
        }

        await serving.DisposeAsync();

        // The importing host's pooled connections went with the serving host's release of the pool; the prepared
        // connections are not pooled and closed with their host: the last one out checkpoints and removes the WAL.
        Assert.False(File.Exists(factory.DatabasePath + "-wal"));
    }

    private static async Task<int> QualityAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).GetProperty("quality").GetInt32();

    private static async Task<int> ListedQualityAsync(HttpClient client) =>
        (await client.GetJsonAsync("/articles?limit=100")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetString() == ColdStarts).GetProperty("quality").GetInt32();
}
