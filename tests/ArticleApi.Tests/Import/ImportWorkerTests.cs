using ArticleApi.Import;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Import;

/// <summary>The worker as it runs in the service: a pass at start-up, then one after each burst of file changes.</summary>
public sealed class ImportWorkerTests
{
    /// <summary>A bound so a broken watcher fails the test instead of hanging it; no test waits for it when things work.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheWorkerImportsAtStartAndAgainWhenAFileChanges()
    {
        using var factory = new WatchingFactory();
        var passes = new System.Collections.Concurrent.BlockingCollection<ImportReport>();
        var coordinator = factory.Services.GetRequiredService<ImportCoordinator>();
        coordinator.PassCompleted += passes.Add;
        _ = factory.Server;

        var first = await TakeAsync(passes, report => report.Counts.Added > 0 || report.Counts.Unchanged > 0);
        Assert.Equal(35, first.Counts.Added + first.Counts.Unchanged);
        Assert.True(coordinator.FirstPassDone);

        File.WriteAllText(Path.Combine(factory.SourceDirectory, "news", "2026-12-01-new.md"), "---\ntitle: \"Just in\"\n---\n");
        var second = await TakeAsync(passes, report => report.Counts.Added == 1);

        Assert.Equal(36, second.Counts.Added + second.Counts.Unchanged);
    }

    private static Task<ImportReport> TakeAsync(System.Collections.Concurrent.BlockingCollection<ImportReport> passes, Func<ImportReport, bool> wanted) =>
        Task.Run(() =>
        {
            using var bound = new CancellationTokenSource(Bound);
            while (true)
            {
                var report = passes.Take(bound.Token);
                if (wanted(report))
                {
                    return report;
                }
            }
        });

    private sealed class WatchingFactory : ArticleApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Import:Enabled", "true"),
            new("Import:Watch", "true"),
            new("Import:WatchDebounce", "00:00:00.050"),
            new("Import:RescanInterval", "00:00:00"),
        ];
    }
}
