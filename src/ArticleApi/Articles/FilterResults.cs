using System.Collections.Concurrent;
using ArticleApi.Data;

namespace ArticleApi.Articles;

/// <summary>
/// The total and the facets of a filter, kept until the data version moves. They depend on the filters only, not on
/// the sort, the cursor or the page size, so a client paging through one filtered list with <c>includeTotal</c> or
/// <c>facets</c> pays for the count once instead of on every page (the response cache keys whole URLs, and each page's
/// cursor differs). Counting every matching row is the one cost of a list that grows with the data.
/// </summary>
internal sealed class FilterResults(DataVersion dataVersion) : IDisposable
{
    /// <summary>Filters remembered per data version; past it, further ones are counted on each request.</summary>
    public const int MaxRemembered = 4096;

    /// <summary>Query parameters that do not change which articles match.</summary>
    private static readonly HashSet<string> NotFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        "sort", "cursor", "limit", "includeTotal", "facets", "format", "fields",
    };

    private readonly PerVersion<Remembered> _results = new(dataVersion);

    /// <summary>
    /// The request's filters as a key: its path (which holds a route's topic or provider) and its filter parameters,
    /// sorted, each value prefixed with its length so that no two different requests share a key (a key names the
    /// exact text the filters were parsed from; requests that mean the same with other text only miss the cache).
    /// </summary>
    public static string FilterKey(HttpRequest request)
    {
        var key = new System.Text.StringBuilder().Append(request.Path.Value?.Length ?? 0).Append(':').Append(request.Path.Value);
        foreach (var parameter in request.Query.Where(p => !NotFilters.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(parameter.Key.Length).Append(':').Append(parameter.Key).Append(parameter.Value.Count).Append('#');
            foreach (var value in parameter.Value)
            {
                key.Append(value?.Length ?? -1).Append(':').Append(value);
            }
        }

        return key.ToString();
    }

    /// <summary>The result remembered under <paramref name="key"/> for the current data version, or null.</summary>
    public async Task<T?> KeptAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var results = await _results.GetAsync(_ => Task.FromResult(new Remembered()), cancellationToken);
        return results.Values.TryGetValue(key, out var kept) ? (T)kept : null;
    }

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : notnull
    {
        var results = await _results.GetAsync(_ => Task.FromResult(new Remembered()), cancellationToken);
        if (results.Values.TryGetValue(key, out var kept))
        {
            return (T)kept;
        }

        var value = await compute();
        // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, and under load its requests queued there.
        if (Volatile.Read(ref results.Count) < MaxRemembered && results.Values.TryAdd(key, value))
        {
            Interlocked.Increment(ref results.Count);
        }

        return value;
    }

    public void Dispose() => _results.Dispose();

    // One data version's results and how many there are.
    private sealed class Remembered
    {
        public readonly ConcurrentDictionary<string, object> Values = new(StringComparer.Ordinal);
        public int Count;
    }
}
