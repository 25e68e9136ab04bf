namespace ArticleApi.Articles;

/// <summary>
/// One generation of the store of rendered list items: items written one after the other into slabs, found through a
/// dictionary of their places. Emptied, it keeps its slabs of the usual size to write over and its dictionary's room.
/// Not thread-safe: the store's lock guards it.
/// </summary>
internal sealed class RenderedItemGeneration
{
    public readonly Dictionary<long, RenderedItemLocation> Entries = [];

    private readonly List<byte[]> _slabs = [];
    private readonly Stack<byte[]> _spare = [];
    private int _used;

    /// <summary>Pages still reading items of this generation (the store's leases).</summary>
    public int Leases { get; set; }

    /// <summary>Bytes of the slabs written to.</summary>
    public long SlabBytes { get; private set; }

    /// <summary>Bytes of the slabs held: those written to, and those of an earlier use left to write to again.</summary>
    public long HeldBytes => SlabBytes + _spare.Sum(slab => (long)slab.Length);

    public bool Fits(int size) => _slabs.Count > 0 && _slabs[^1].Length - _used >= size;

    /// <summary>
    /// Starts a slab of <paramref name="bytes"/>, a spare one when it has that size (then true); held bytes stay
    /// within <paramref name="limit"/>.
    /// </summary>
    public bool AddSlab(int bytes, long limit)
    {
        var spare = _spare.Count > 0 && _spare.Peek().Length == bytes;
        if (spare)
        {
            _slabs.Add(_spare.Pop());
        }
        else
        {
            // A slab of another size (one item larger than a slab) is new: spare ones make room for it.
            while (_spare.Count > 0 && HeldBytes + bytes > limit)
            {
                _spare.Pop();
            }

            _slabs.Add(new byte[bytes]);
        }

        SlabBytes += bytes;
        _used = 0;
        return spare;
    }

    /// <summary>Forgets every item; slabs of <paramref name="slabBytes"/> are kept to be written over, larger ones dropped.</summary>
    public RenderedItemGeneration Empty(int slabBytes)
    {
        Entries.Clear();
        foreach (var slab in _slabs.Where(slab => slab.Length == slabBytes))
        {
            _spare.Push(slab);
        }

        _slabs.Clear();
        SlabBytes = 0;
        return this;
    }

    public RenderedItem Add(long key, ReadOnlySpan<byte> id, ReadOnlySpan<byte> json)
    {
        var slab = _slabs[^1];
        id.CopyTo(slab.AsSpan(_used));
        json.CopyTo(slab.AsSpan(_used + id.Length));
        var at = new RenderedItemLocation(_slabs.Count - 1, _used, id.Length, json.Length);
        Entries[key] = at;
        _used += id.Length + json.Length;
        return Get(at);
    }

    public RenderedItem? Get(long key) => Entries.TryGetValue(key, out var at) ? Get(at) : null;

    public RenderedItem Get(RenderedItemLocation at) =>
        new(_slabs[at.Slab].AsMemory(at.Offset, at.IdLength), _slabs[at.Slab].AsMemory(at.Offset + at.IdLength, at.JsonLength));
}

/// <summary>An item's place in its generation: no references, so the collector does not walk the entries.</summary>
internal readonly record struct RenderedItemLocation(int Slab, int Offset, int IdLength, int JsonLength);
