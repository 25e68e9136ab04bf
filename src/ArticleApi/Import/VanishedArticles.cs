using ArticleApi.Import.Reading;
namespace ArticleApi.Import;

/// <summary>
/// Stored articles whose file is no longer on disk: renamed (found again by content digest) or to delete. Held as
/// 40 bytes a row, sorted by digest once all are in, so a whole folder moved elsewhere still fits.
/// </summary>
internal sealed class VanishedArticles
{
    private readonly List<(ContentDigest Digest, long Key)> _rows = [];
    private readonly HashSet<long> _taken = [];
    private bool _sorted;

    public int Count => _rows.Count - _taken.Count;

    public void Add(long key, ContentDigest digest)
    {
        _rows.Add((digest, key));
        _sorted = false;
    }

    /// <summary>Takes a vanished row with these bytes, if one is still there (the lowest key first).</summary>
    public bool TryTakeByDigest(ContentDigest digest, out long key)
    {
        if (!_sorted)
        {
            _rows.Sort();
            _sorted = true;
        }

        var at = _rows.BinarySearch((digest, long.MinValue));
        for (at = at < 0 ? ~at : at; at < _rows.Count && _rows[at].Digest == digest; at++)
        {
            if (_taken.Add(_rows[at].Key))
            {
                key = _rows[at].Key;
                return true;
            }
        }

        key = 0;
        return false;
    }

    /// <summary>The keys of every vanished row not taken, taken now.</summary>
    public List<long> TakeRest()
    {
        var rest = _rows.Select(row => row.Key).Where(_taken.Add).ToList();
        return rest;
    }
}
