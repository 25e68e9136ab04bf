using System.Diagnostics;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The <see cref="ArticleColumns"/> of the current data version: read by the first request that counts after the
/// version moves, then shared by every request until it moves again. The previous version's columns are dropped
/// with it. Each read is logged with its size and time, the one cost of counting that grows with the data.
/// </summary>
internal sealed partial class ArticleColumnsCache(
    IDbContextFactory<ArticleDbContext> contextFactory, DataVersion dataVersion, IHostApplicationLifetime lifetime, ILogger<ArticleColumnsCache> logger)
    : IDisposable
{
    private readonly PerVersion<ArticleColumns> _columns = new(dataVersion);
    private int _reading;

    /// <summary>
    /// The columns of the current version. The read is not the caller's: a client that gives up (a timeout, a closed
    /// connection) would otherwise cancel seconds of work that every other request is waiting for, and impatient
    /// clients could keep it from ever finishing. Only the service's stop cancels it.
    /// </summary>
    public Task<ArticleColumns> GetAsync(CancellationToken cancellationToken) => _columns.GetAsync(async _ =>
    {
        var clock = Stopwatch.StartNew();
        var token = lifetime.ApplicationStopping;
        await using var context = await contextFactory.CreateDbContextAsync(token);
        var columns = await ArticleColumnsLoader.LoadAsync(context, token);
        LogRead(logger, columns.Count, columns.Topics.LinkCount, clock.ElapsedMilliseconds);
        return columns;
    }, cancellationToken);

    /// <summary>
    /// The columns of the current version when they have been read; otherwise null at once, and a read starts in the
    /// background (one at a time) so that later requests find them.
    /// </summary>
    public async Task<ArticleColumns?> GetIfReadAsync(CancellationToken cancellationToken)
    {
        if (await _columns.PeekAsync(cancellationToken) is { } columns)
        {
            return columns;
        }

        if (Interlocked.Exchange(ref _reading, 1) == 0)
        {
            _ = Task.Run(ReadInBackgroundAsync, CancellationToken.None);
        }

        return null;
    }

    /// <summary>Whether <paramref name="columns"/> are those of the current version (nothing is read).</summary>
    public async Task<bool> IsCurrentAsync(ArticleColumns columns, CancellationToken cancellationToken) =>
        ReferenceEquals(await _columns.PeekAsync(cancellationToken), columns);

    public void Dispose() => _columns.Dispose();

    private async Task ReadInBackgroundAsync()
    {
        try
        {
            await GetAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Requests go on reading through SQL; the next one that finds no columns tries again.
            LogReadFailed(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the counting columns; list pages are read through SQL until a read succeeds")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the counting columns of {Articles} articles and {TopicLinks} topic links in {ElapsedMilliseconds} ms")]
    private static partial void LogRead(ILogger logger, int articles, int topicLinks, long elapsedMilliseconds);
}
