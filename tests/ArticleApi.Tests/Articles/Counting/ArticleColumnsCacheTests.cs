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

    [Fact]
    public async Task TheColumnsRowsAreNumberedByDateAndEachKeysRowHoldsItsArticlesValues()
    {
        await using var factory = new SampleApiFixture();
        await factory.InitializeAsync();
        var columns = await factory.Services.GetRequiredService<ArticleColumnsCache>().GetAsync(CancellationToken.None);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ArticleDbContext>>().CreateDbContextAsync();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Topics).ThenInclude(link => link.Topic).ToListAsync();

        // The sample's keys (import order) are not in date order, so the rows were renumbered.
        Assert.Equal(articles.Count, columns.Count);
        Assert.NotEqual(columns.Keys.Order(), columns.Keys);
        for (var row = 1; row < columns.Count; row++)
        {
            Assert.True(columns.Position(OrderField.PublishedAt, row - 1).CompareTo(columns.Position(OrderField.PublishedAt, row)) < 0);
        }

        foreach (var article in articles)
        {
            var row = columns.RowOf(article.Key);
            Assert.Equal(article.Key, columns.Keys[row]);
            Assert.Equal(article.PublishedDateTime?.ToUnixTimeMilliseconds(), columns.Month.ValueOf(row) is null ? null : columns.PublishedAt[row]);
            Assert.Equal(article.Quality, columns.Quality.ValueOf(row));
            Assert.Equal(article.Heat, columns.Heat.ValueOf(row));
            Assert.Equal(article.Published is { } published ? (sbyte)(published ? 1 : 0) : ArticleColumns.NoPublished, columns.Published[row]);
            Assert.Equal(article.ProviderDomain, columns.Provider.Ids[row] is var provider and not NameColumn.None ? columns.Provider.Names[provider] : null);
            Assert.Equal(article.Type, columns.Type.Ids[row] is var type and not NameColumn.None ? columns.Type.Names[type] : null);
            Assert.Equal(
                article.Topics.Select(link => link.Topic!.Slug).Distinct().Order(StringComparer.Ordinal),
                columns.Topics.Slugs.Where(slug => columns.Topics.Rows(slug).Contains(row)).Order(StringComparer.Ordinal));
        }
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
