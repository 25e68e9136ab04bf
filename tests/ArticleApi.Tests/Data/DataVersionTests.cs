using ArticleApi.Data;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data;

public sealed class DataVersionTests
{
    [Fact]
    public async Task TheVersionIsTheHighestWrittenDataVersionReadAtMostOncePerSecondUnlessInvalidated()
    {
        using var factory = new ArticleApiFactory();
        _ = factory.Server;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>();
        var time = new ManualTime();
        var version = new DataVersion(contexts, time);

        Assert.Equal(0, await version.GetAsync(CancellationToken.None));
        await InsertRunAsync(contexts, id: 1, dataVersion: 4);
        await InsertRunAsync(contexts, id: 2, dataVersion: 0); // a pass that changed nothing
        Assert.Equal(0, await version.GetAsync(CancellationToken.None)); // cached

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, await version.GetAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(4, await version.GetAsync(CancellationToken.None)); // another process's import shows within a second

        await InsertRunAsync(contexts, id: 3, dataVersion: 5);
        version.Invalidate();
        Assert.Equal(5, await version.GetAsync(CancellationToken.None)); // this process's import shows at once
    }

    private static async Task InsertRunAsync(IDbContextFactory<ArticleDbContext> contexts, long id, long dataVersion)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ImportRuns" ("Id", "StartedAt", "SourceDirectory", "Seen", "Added", "Updated", "Renamed", "Unchanged", "Deleted", "Skipped", "Failed", "Outcome", "Changed", "DataVersion", "Details")
            VALUES ({id}, 0, 'x', 0, 0, 0, 0, 0, 0, 0, 0, 'completed', {dataVersion > 0}, {dataVersion}, {"{}"})
            """);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
