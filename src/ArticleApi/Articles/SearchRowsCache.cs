using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ArticleApi.Articles.Counting;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Articles;

/// <summary>
/// The rows of <see cref="ArticleColumns"/> each search matches, kept beside the columns they number (so for one data
/// version, and dropped with them). With its rows kept, a search sorted by date, quality, heat or popularity is a walk
/// in the columns like any other filter (<see cref="ColumnPages"/>), and its totals and facets need no full-text read.
/// Through SQL, a word in most articles walked the sort index asking the full-text index about each article, most of
/// such a request's time. Collecting a search's rows reads each of its matches once, so it happens once per search
/// and version, in the background while requests go on through SQL: one collect at a time, the searches asked for
/// meanwhile queued in the order they were first asked for (a collect of a word in most of a million articles takes
/// 0.15 s; without the queue, only a search that happened to come while none ran was ever collected). At most
/// <see cref="ListOptions.KeptSearches"/> searches are kept or queued per version, one bit per article each; later
/// searches go on through SQL.
/// </summary>
internal sealed partial class SearchRowsCache(
    IDbContextFactory<ArticleDbContext> contextFactory, IFullTextSearch search, TimedReads reads, ArticleColumnsCache current,
    IHostApplicationLifetime lifetime, IOptions<ListOptions> options, ILogger<SearchRowsCache> logger)
{
    // Per columns: when a version's columns are dropped, its searches go with them.
    private readonly ConditionalWeakTable<ArticleColumns, ConcurrentDictionary<string, RowSet>> _kept = [];
    private readonly ConcurrentQueue<Pending> _queue = new();
    // The searches queued or being collected (by key and columns), so that each is queued once.
    private readonly ConcurrentDictionary<(string, ArticleColumns), byte> _pending = new();
    private int _collecting;

    /// <summary>
    /// The kept rows of <paramref name="query"/>, or null. When null and there is room, the search is queued and its
    /// rows are collected in the background (one search at a time), for later requests.
    /// </summary>
    public RowSet? KeptOrCollectLater(ArticleColumns columns, FullTextQuery query)
    {
        var kept = Kept(columns);
        if (kept.TryGetValue(query.Key, out var rows))
        {
            return rows;
        }

        if (kept.Count + _pending.Count < options.Value.KeptSearches && _pending.TryAdd((query.Key, columns), 0))
        {
            _queue.Enqueue(new Pending(columns, kept, query));
            StartCollecting();
        }

        return null;
    }

    /// <summary>Whether <paramref name="query"/>'s rows are kept for <paramref name="columns"/> (nothing is collected).</summary>
    internal bool IsKept(ArticleColumns columns, FullTextQuery query) => Kept(columns).ContainsKey(query.Key);

    /// <summary>
    /// The rows of <paramref name="query"/>: kept ones, else collected now and kept when there is room, else collected
    /// for this caller alone. The caller disposes the set (a kept one stays whole).
    /// </summary>
    public async Task<RowSet> RowsAsync(ArticleColumns columns, FullTextQuery query, CancellationToken cancellationToken)
    {
        var kept = Kept(columns);
        if (kept.TryGetValue(query.Key, out var rows))
        {
            return rows;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await MatchingKeysAsync(context, query, cancellationToken);
        if (kept.Count >= options.Value.KeptSearches)
        {
            return Mark(new RowSet(columns.Count), columns, keys);
        }

        return kept.GetOrAdd(query.Key, Mark(RowSet.Kept(columns.Count), columns, keys));
    }

    private ConcurrentDictionary<string, RowSet> Kept(ArticleColumns columns) =>
        _kept.GetValue(columns, _ => new ConcurrentDictionary<string, RowSet>(StringComparer.Ordinal));

    // Written by hand and run prepared: through EF, 600,000 matches took 0.45 s, the engine's own part of it 0.03-0.07 s.
    private Task<List<long>> MatchingKeysAsync(ArticleDbContext context, FullTextQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameter) = search.KeysStatement(query);
        return reads.QueryAsync(context, sql, parameter, row => row.Long("Key"), cancellationToken);
    }

    // Keys of articles not in the columns (imported since they were read) have no row, and are left out like those articles.
    // A full-text index mostly gives keys ascending, the order of the columns' keys by row (KeyRows): a walk beside
    // them finds each key in a step or two, where a search per key cost about as much as reading the keys. A key out
    // of order or far ahead is searched for.
    internal static RowSet Mark(RowSet rows, ArticleColumns columns, List<long> keys)
    {
        var byKey = columns.ByKey;
        var columnKeys = byKey.Keys;
        var index = 0;
        foreach (var key in keys)
        {
            if (index >= columnKeys.Length || columnKeys[index] > key || key - columnKeys[index] > 64)
            {
                var at = Array.BinarySearch(columnKeys, key);
                index = at >= 0 ? at : ~at;
            }

            while (index < columnKeys.Length && columnKeys[index] < key)
            {
                index++;
            }

            if (index < columnKeys.Length && columnKeys[index] == key)
            {
                rows.Add(byKey.Rows[index]);
            }
        }

        return rows;
    }

    private void StartCollecting()
    {
        if (Interlocked.Exchange(ref _collecting, 1) == 0)
        {
            _ = Task.Run(CollectQueuedAsync, CancellationToken.None);
        }
    }

    private async Task CollectQueuedAsync()
    {
        while (_queue.TryDequeue(out var next))
        {
            await CollectAsync(next);
            _pending.TryRemove((next.Query.Key, next.Columns), out _);
        }

        Volatile.Write(ref _collecting, 0);
        // A search queued after the last look but before the flag went down would wait for the next request: look again.
        if (!_queue.IsEmpty)
        {
            StartCollecting();
        }
    }

#pragma warning disable CA1031 // A failed collect only leaves the search with SQL: logged, and a later request queues it again.
    private async Task CollectAsync(Pending pending)
    {
        try
        {
            // Not the request's: a client giving up would cancel work later requests wait for. Only the service's stop does.
            var token = lifetime.ApplicationStopping;
            if (!await current.IsCurrentAsync(pending.Columns, token))
            {
                return; // queued before the data version moved: no request will number rows by those columns again
            }

            await using var context = await contextFactory.CreateDbContextAsync(token);
            var keys = await MatchingKeysAsync(context, pending.Query, token);
            pending.Kept.TryAdd(pending.Query.Key, Mark(RowSet.Kept(pending.Columns.Count), pending.Columns, keys));
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogCollectFailed(logger, exception);
        }
    }
#pragma warning restore CA1031

    private sealed record Pending(ArticleColumns Columns, ConcurrentDictionary<string, RowSet> Kept, FullTextQuery Query);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not collect a search's rows; it goes on through SQL until a collect succeeds")]
    private static partial void LogCollectFailed(ILogger logger, Exception exception);
}
