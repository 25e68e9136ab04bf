namespace ArticleApi.Import.Reading;

/// <summary>
/// The ids of a whole folder listing (<see cref="ArticleIdentity"/>'s rule): plain where unique, suffixed for every
/// path that shares an id, until no two paths share one (a plain id can equal another path's suffixed id:
/// <c>a-b-x-1234abcd.md</c> beside <c>a_b/x.md</c> and <c>a-b/x.md</c>; that path is then suffixed too). Paths whose
/// suffixed ids still collide get no id and a reason, and fail on their own.
/// Kept small for a million paths: a sorted 8-byte hash of each plain id (12 bytes a path with its index); ids are
/// made again when asked for, and only the few suffixed or colliding paths are held by index.
/// </summary>
internal sealed class FolderIds
{
    private readonly IReadOnlyList<string> _paths;
    private readonly ulong[] _plainHashes;
    private readonly int[] _byPlainHash;
    private readonly HashSet<int> _suffixed = [];
    private readonly Dictionary<string, int> _suffixedIds = new(StringComparer.Ordinal);

    /// <param name="paths">Relative paths, each once.</param>
    public FolderIds(IReadOnlyList<string> paths)
    {
        _paths = paths;
        _plainHashes = new ulong[paths.Count];
        _byPlainHash = new int[paths.Count];
        for (var index = 0; index < paths.Count; index++)
        {
            _plainHashes[index] = Hash(ArticleIdentity.PlainId(paths[index]));
            _byPlainHash[index] = index;
        }

        Array.Sort(_plainHashes, _byPlainHash);
        SuffixSharedPlainIds();
        SuffixPlainIdsEqualToSuffixedOnes();
        FindCollisions();
    }

    /// <summary>Paths (by index, in index order) that get no id, with the reason.</summary>
    public SortedDictionary<int, string> Collisions { get; } = [];

    /// <summary>The id of the path at <paramref name="index"/>; null when it collides.</summary>
    public string? IdOf(int index) =>
        Collisions.ContainsKey(index) ? null : _suffixed.Contains(index) ? ArticleIdentity.DisambiguatedId(_paths[index]) : ArticleIdentity.PlainId(_paths[index]);

    /// <summary>Whether <paramref name="id"/> is the id of some path of the folder.</summary>
    public bool IsIdOfAny(string id) =>
        _suffixedIds.ContainsKey(id) || PathsWithPlainId(id).Any(index => !_suffixed.Contains(index));

    /// <summary>Every path whose plain id is shared by another path is suffixed.</summary>
    private void SuffixSharedPlainIds()
    {
        for (int start = 0, end; start < _plainHashes.Length; start = end)
        {
            end = start + 1;
            while (end < _plainHashes.Length && _plainHashes[end] == _plainHashes[start])
            {
                end++;
            }

            // Equal hashes are checked on the ids themselves: two ids may share a hash.
            foreach (var group in _byPlainHash[start..end].GroupBy(index => ArticleIdentity.PlainId(_paths[index]), StringComparer.Ordinal))
            {
                if (group.Skip(1).Any())
                {
                    _suffixed.UnionWith(group);
                }
            }
        }
    }

    /// <summary>A plain id equal to a suffixed one is suffixed too, and so on until no such id is left.</summary>
    private void SuffixPlainIdsEqualToSuffixedOnes()
    {
        var added = _suffixed.ToList();
        while (added.Count > 0)
        {
            added = [.. added.SelectMany(index => PathsWithPlainId(ArticleIdentity.DisambiguatedId(_paths[index])))
                .Where(index => !_suffixed.Contains(index)).Distinct()];
            _suffixed.UnionWith(added);
        }
    }

    /// <summary>Suffixed paths whose suffixed ids are still equal (their hashes' first 8 hex digits agree) collide.</summary>
    private void FindCollisions()
    {
        foreach (var group in _suffixed.Order().GroupBy(index => ArticleIdentity.DisambiguatedId(_paths[index]), StringComparer.Ordinal))
        {
            if (!group.Skip(1).Any())
            {
                _suffixedIds[group.Key] = group.First();
                continue;
            }

            foreach (var index in group)
            {
                var others = string.Join(", ", group.Where(other => other != index).Select(other => $"'{_paths[other]}'"));
                Collisions[index] = $"its id '{group.Key}' is also the id of {others}: rename one of them";
            }
        }
    }

    /// <summary>The paths whose plain id is <paramref name="id"/>.</summary>
    private IEnumerable<int> PathsWithPlainId(string id)
    {
        var hash = Hash(id);
        var first = Array.BinarySearch(_plainHashes, hash);
        if (first < 0)
        {
            yield break;
        }

        while (first > 0 && _plainHashes[first - 1] == hash)
        {
            first--;
        }

        for (var at = first; at < _plainHashes.Length && _plainHashes[at] == hash; at++)
        {
            if (ArticleIdentity.PlainId(_paths[_byPlainHash[at]]) == id)
            {
                yield return _byPlainHash[at];
            }
        }
    }

    /// <summary>64-bit FNV-1a of the id's characters: only ever compared within one pass.</summary>
    private static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var character in id)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }

        return hash;
    }
}
