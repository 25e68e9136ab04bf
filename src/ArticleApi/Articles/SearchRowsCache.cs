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
/// and version, in the background while requests go on through SQL. At most <see cref="ListOptions.KeptSearches"/>
/// searches are kept per version, one bit per article each; later searches go on through SQL.
/// </summary>
internal sealed partial class SearchRowsCache(
    IDbContextFactory<ArticleDbContext> contextFactory, IFullTextSearch search, TimedReads reads, IHostApplicationLifetime lifetime,
    IOptions<ListOptions> options, ILogger<SearchRowsCache> logger)
{
    // Per columns: when a version's columns are dropped, its searches go with them.
    private readonly ConditionalWeakTable<ArticleColumns, ConcurrentDictionary<string, RowSet>> _kept = [];
    private int _collecting;

    /// <summary>
    /// The kept rows of <paramref name="query"/>, or null. When null and there is room, the search's rows are
    /// collected in the background (one search at a time), for later requests.
    /// </summary>
    public RowSet? KeptOrCollectLater(ArticleColumns columns, FullTextQuery query)
    {
        var kept = Kept(columns);
        if (kept.TryGetValue(query.Key, out var rows))
        {
            return rows;
        }

        if (kept.Count < options.Value.KeptSearches && Interlocked.Exchange(ref _collecting, 1) == 0)
        {
            _ = Task.Run(() => CollectInBackgroundAsync(columns, kept, query), CancellationToken.None);
        }

        return null;
    }

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
    // The columns' rows are in key order, and a full-text index mostly gives keys in that order: a walk beside them
    // finds each row in a step or two, where a search per key cost about as much as reading the keys. A key out of
    // order or far ahead is searched for.
    internal static RowSet Mark(RowSet rows, ArticleColumns columns, List<long> keys)
    {
        var columnKeys = columns.Keys;
        var row = 0;
        foreach (var key in keys)
        {
            if (row >= columnKeys.Length || columnKeys[row] > key || key - columnKeys[row] > 64)
            {
                var at = Array.BinarySearch(columnKeys, key);
                row = at >= 0 ? at : ~at;
            }

            while (row < columnKeys.Length && columnKeys[row] < key)
            {
                row++;
            }

            if (row < columnKeys.Length && columnKeys[row] == key)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

#pragma warning disable CA1031 // A failed collect only leaves the search with SQL: logged, and the next request tries again.
    private async Task CollectInBackgroundAsync(ArticleColumns columns, ConcurrentDictionary<string, RowSet> kept, FullTextQuery query)
    {
        try
        {
            // Not the request's: a client giving up would cancel work later requests wait for. Only the service's stop does.
            var token = lifetime.ApplicationStopping;
            await using var context = await contextFactory.CreateDbContextAsync(token);
            var keys = await MatchingKeysAsync(context, query, token);
            kept.TryAdd(query.Key, Mark(RowSet.Kept(columns.Count), columns, keys));
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogCollectFailed(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }
#pragma warning restore CA1031

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not collect a search's rows; it goes on through SQL until a collect succeeds")]
    private static partial void LogCollectFailed(ILogger logger, Exception exception);
}
