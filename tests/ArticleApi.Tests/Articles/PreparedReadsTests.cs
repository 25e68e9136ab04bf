using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles;

/// <summary>
/// The read path's statements stay prepared on connections of their own (<c>Data/IPreparedReads</c>): they must still
/// read what the last import committed, and on SQLite let go of the database file when the service stops.
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
    public async Task OnSqliteAStoppedServiceHoldsTheDatabaseFileNoMore()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite's files: PostgreSQL is a server");
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "needs Linux's /proc to see the process's open files");
        var factory = new StoppingFactory();
        await factory.ImportAsync();
        using (var client = factory.CreateClient())
        {
            await client.GetJsonAsync($"/articles/{ColdStarts}");
            await client.GetJsonAsync("/articles?limit=5");
        }

        Assert.NotEmpty(factory.OpenFiles());
        await factory.DisposeAsync();

        // Its pooled connections went at the stop, the read path's own ones with its services: nothing keeps the
        // database open, so the last connection out could checkpoint the WAL (.ci/smoke-container.sh checks the file
        // a real stop leaves, SIGTERM and all).
        Assert.True(factory.OpenAfterStop.Count == 0, "still open: " + string.Join(", ", factory.OpenAfterStop));
    }

    private sealed class StoppingFactory : ArticleApiFactory
    {
        public List<string> OpenAfterStop { get; private set; } = ["(not disposed)"];

        /// <summary>The database's files (main, WAL, shared memory) this process has open.</summary>
        public List<string> OpenFiles() =>
            [.. Directory.GetFiles("/proc/self/fd").Select(Target).OfType<string>().Where(path => path.StartsWith(DatabasePath, StringComparison.Ordinal))];

        // Under load a closing connection's descriptors were seen still open just after the host's disposal (three of
        // the main file, 1 CI run in 5): allow the closes a few seconds to land, not a stop that forgets a connection.
        protected override void AfterHostDisposed()
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while ((OpenAfterStop = OpenFiles()).Count > 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }

        private static string? Target(string descriptor)
        {
            try
            {
                return new FileInfo(descriptor).LinkTarget;
            }
            catch (IOException)
            {
                return null; // closed between the listing and the read
            }
        }
    }

    private static async Task<int> QualityAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).GetProperty("quality").GetInt32();

    private static async Task<int> ListedQualityAsync(HttpClient client) =>
        (await client.GetJsonAsync("/articles?limit=100")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetString() == ColdStarts).GetProperty("quality").GetInt32();
}
