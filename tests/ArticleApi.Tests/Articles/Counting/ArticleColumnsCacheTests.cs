using System.Data.Common;
using ArticleApi.Articles.Counting;
using ArticleApi.Model;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Articles.Counting;

public sealed class ArticleColumnsCacheTests
{
    [Fact]
    public async Task ACallerThatGivesUpDoesNotCancelTheReadOthersWaitFor()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        using var caller = new CancellationTokenSource();
        var reads = new CancelWhenColumnsAreRead(caller);
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(reads)));

        // The caller gives up once the read has started and stops waiting (unless the read beat it to the end); the
        // read goes on, once, and is kept for the next caller.
        var cache = host.Services.GetRequiredService<ArticleColumnsCache>();
        try
        {
            await cache.GetAsync(caller.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(caller.IsCancellationRequested);
        var columns = await cache.GetAsync(CancellationToken.None);
        Assert.Equal(1, reads.Count);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        Assert.Equal(await db.Articles.CountAsync(), columns.Count);
        Assert.Same(columns, await cache.GetAsync(CancellationToken.None));
    }

    /// <summary>Cancels the caller's token as the statement that reads every article's columns starts.</summary>
    private sealed class CancelWhenColumnsAreRead(CancellationTokenSource caller) : DbCommandInterceptor
    {
        private int _count;

        /// <summary>How many times the statement started.</summary>
        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"ListTopics\"", StringComparison.Ordinal) && !command.CommandText.Contains("WHERE", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
                caller.Cancel();
            }

            return ValueTask.FromResult(result);
        }
    }
}
