using ArticleApi.Data;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Data;

/// <summary>A value kept per data version: computed once, shared by every caller, not cancelled by the one that started it.</summary>
public sealed class PerVersionTests : IDisposable
{
    private readonly ArticleApiFactory _factory = new();
    private readonly IDbContextFactory<ArticleDbContext> _contexts;
    private readonly DataVersion _version;
    private readonly PerVersion<string> _kept;

    public PerVersionTests()
    {
        _ = _factory.Server;
        _contexts = _factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>();
        _version = new DataVersion(_contexts, TimeProvider.System);
        _kept = new PerVersion<string>(_version);
    }

    [Fact]
    public async Task ACallerThatGivesUpStopsWaitingButTheComputationGoesOnForTheOthers()
    {
        var release = new TaskCompletionSource();
        var calls = 0;
        var tokens = new List<CancellationToken>();
        async Task<string> Compute(CancellationToken token)
        {
            Interlocked.Increment(ref calls);
            tokens.Add(token);
            await release.Task.WaitAsync(token);
            return "counted";
        }

        using var impatient = new CancellationTokenSource();
        var first = _kept.GetAsync(Compute, impatient.Token);
        var second = _kept.GetAsync(Compute, CancellationToken.None);
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(second.IsCompleted);
        release.SetResult();
        Assert.Equal("counted", await second);
        Assert.Equal("counted", await _kept.GetAsync(Compute, CancellationToken.None));
        Assert.Equal(1, calls);
        Assert.False(Assert.Single(tokens).IsCancellationRequested);
    }

    [Fact]
    public async Task AComputationThatNeverYieldsHoldsNoCallersThread()
    {
        // SQLite's reads complete synchronously, so a whole computation can run without yielding.
        using var release = new ManualResetEventSlim();
        Task<string> Compute(CancellationToken token)
        {
            release.Wait(TimeSpan.FromSeconds(10), token);
            return Task.FromResult("without yielding");
        }

        var first = _kept.GetAsync(Compute, CancellationToken.None);
        var second = _kept.GetAsync(Compute, CancellationToken.None);

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        release.Set();
        Assert.Equal("without yielding", await first);
        Assert.Equal("without yielding", await second);
    }

    [Fact]
    public async Task AFailedComputationIsTriedAgainByTheNextCaller()
    {
        var calls = 0;
        Task<string> Compute(CancellationToken token) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the database went away") : Task.FromResult("second try");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _kept.GetAsync(Compute, CancellationToken.None));

        Assert.Equal("the database went away", failure.Message);
        Assert.Equal("second try", await _kept.GetAsync(Compute, CancellationToken.None));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task TheValueIsKeptUntilTheVersionMovesAndTheStopCancelsAComputation()
    {
        var calls = 0;
        Task<string> Compute(CancellationToken token) => Task.FromResult($"computation {Interlocked.Increment(ref calls)}");

        Assert.Equal("computation 1", await _kept.GetAsync(Compute, CancellationToken.None));
        Assert.Equal("computation 1", await _kept.GetAsync(Compute, CancellationToken.None));
        Assert.Equal("computation 1", await _kept.PeekAsync(CancellationToken.None));
        await MoveVersionAsync();
        Assert.Null(await _kept.PeekAsync(CancellationToken.None));
        Assert.Equal("computation 2", await _kept.GetAsync(Compute, CancellationToken.None));

        var stopped = new TaskCompletionSource<CancellationToken>();
        await MoveVersionAsync();
        var pending = _kept.GetAsync(async token =>
        {
            stopped.SetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return "never";
        }, CancellationToken.None);
        var token = await stopped.Task;
        _kept.Dispose();
        Assert.True(token.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    public void Dispose()
    {
        _kept.Dispose();
        _factory.Dispose();
    }

    private async Task MoveVersionAsync()
    {
        await using var context = await _contexts.CreateDbContextAsync();
        var next = (await context.ImportRuns.MaxAsync(r => (long?)r.DataVersion) ?? 0) + 1;
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ImportRuns" ("Id", "StartedAt", "SourceDirectory", "Seen", "Added", "Updated", "Renamed", "Unchanged", "Deleted", "Skipped", "Failed", "Outcome", "Changed", "DataVersion", "Details")
            VALUES ({next}, 0, 'x', 0, 0, 0, 0, 0, 0, 0, 0, 'completed', {true}, {next}, {"{}"})
            """);
        _version.Invalidate();
    }
}
