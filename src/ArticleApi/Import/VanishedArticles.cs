using ArticleApi.Import.Reading;
namespace ArticleApi.Import;

/// <summary>Stored articles whose file is no longer on disk: renamed (found again by content hash) or to delete.</summary>
internal sealed class VanishedArticles
{
    private readonly Dictionary<long, StoredArticle> _byKey;
    private readonly ILookup<string, StoredArticle> _byHash;

    public VanishedArticles(IEnumerable<StoredArticle> rows)
    {
        _byKey = rows.ToDictionary(row => row.Key);
        _byHash = _byKey.Values.ToLookup(row => row.ContentHash, StringComparer.Ordinal);
    }

    /// <summary>Takes a vanished row with these bytes, if one is still there.</summary>
    public bool TryTakeByHash(string hash, out StoredArticle row)
    {
        foreach (var candidate in _byHash[hash])
        {
            if (_byKey.Remove(candidate.Key))
            {
                row = candidate;
                return true;
            }
        }

        row = null!;
        return false;
    }

    /// <summary>Removes and returns the keys of every vanished row that matches.</summary>
    public List<long> TakeAll(Func<StoredArticle, bool> predicate)
    {
        var taken = _byKey.Values.Where(predicate).Select(row => row.Key).ToList();
        foreach (var key in taken)
        {
            _byKey.Remove(key);
        }

        return taken;
    }
}
