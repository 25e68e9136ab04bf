namespace ArticleApi.Articles;

/// <summary>
/// One data version's list items as JSON (<see cref="RenderedItems"/>), in two generations of at most half the budget
/// each: when the newer one is full it becomes the older one and the older one is dropped, and an item found in the
/// older one is copied to the newer. Items shown often stay; the budget is never passed. Each generation writes its
/// items into slabs of up to 1 MiB and finds them through a dictionary of plain numbers: tens of thousands of kept
/// items are a few dozen objects to the garbage collector, not tens of thousands (with an array per item, the
/// collector's pauses put 10 to 20 ms on the 99th percentile of pages with many new items). A lock per page, not per
/// item; written bytes are never written again, so a page copies them after the lock is left.
/// </summary>
internal sealed class RenderedItemStore
{
    /// <summary>The largest slab: a large-object allocation per MiB of items.</summary>
    public const int MaxSlabBytes = 1 << 20;

    private readonly Lock _lock = new();
    private readonly long _generationBytes;
    private readonly int _slabBytes;
    private Generation _newer;
    private Generation _older;

    public RenderedItemStore(long budget)
    {
        _generationBytes = budget / 2;
        _slabBytes = (int)Math.Min(MaxSlabBytes, _generationBytes);
        (_newer, _older) = (new Generation(), new Generation());
    }

    /// <summary>Bytes of slabs held: never more than the budget, whatever their use.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _newer.SlabBytes + _older.SlabBytes;
            }
        }
    }

    /// <summary>Fills <paramref name="found"/> with the kept items of <paramref name="keys"/>; returns the keys of the others.</summary>
    public List<long> Find(IReadOnlyList<long> keys, RenderedItem?[] found)
    {
        var missing = new List<long>();
        lock (_lock)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (_newer.Get(keys[i]) is { } item)
                {
                    found[i] = item;
                }
                else if (_older.Get(keys[i]) is { } older)
                {
                    _older.Entries.Remove(keys[i]);
                    found[i] = Append(keys[i], older.Id.Span, older.Json.Span);
                }
                else
                {
                    missing.Add(keys[i]);
                }
            }
        }

        return missing;
    }

    /// <summary>Keeps each item not kept yet; an item larger than a generation is not kept.</summary>
    public void Keep(IEnumerable<(long Key, RenderedItem Item)> items)
    {
        lock (_lock)
        {
            foreach (var (key, item) in items)
            {
                if (!_newer.Entries.ContainsKey(key))
                {
                    Append(key, item.Id.Span, item.Json.Span);
                }
            }
        }
    }

    private RenderedItem? Append(long key, ReadOnlySpan<byte> id, ReadOnlySpan<byte> json)
    {
        var size = id.Length + json.Length;
        if (size > _generationBytes)
        {
            return null;
        }

        if (!_newer.Fits(size))
        {
            var slab = Math.Max(_slabBytes, size);
            if (_newer.SlabBytes + slab > _generationBytes)
            {
                (_older, _newer) = (_newer, new Generation());
            }

            _newer.AddSlab(slab);
        }

        return _newer.Add(key, id, json);
    }

    private sealed class Generation
    {
        // No references in the entries: the collector does not walk them.
        public readonly Dictionary<long, (int Slab, int Offset, int IdLength, int JsonLength)> Entries = [];
        private readonly List<byte[]> _slabs = [];
        private int _used;

        public long SlabBytes { get; private set; }

        public bool Fits(int size) => _slabs.Count > 0 && _slabs[^1].Length - _used >= size;

        public void AddSlab(int bytes)
        {
            _slabs.Add(new byte[bytes]);
            SlabBytes += bytes;
            _used = 0;
        }

        public RenderedItem Add(long key, ReadOnlySpan<byte> id, ReadOnlySpan<byte> json)
        {
            var slab = _slabs[^1];
            id.CopyTo(slab.AsSpan(_used));
            json.CopyTo(slab.AsSpan(_used + id.Length));
            Entries[key] = (_slabs.Count - 1, _used, id.Length, json.Length);
            var item = new RenderedItem(slab.AsMemory(_used, id.Length), slab.AsMemory(_used + id.Length, json.Length));
            _used += id.Length + json.Length;
            return item;
        }

        public RenderedItem? Get(long key) => Entries.TryGetValue(key, out var at)
            ? new RenderedItem(_slabs[at.Slab].AsMemory(at.Offset, at.IdLength), _slabs[at.Slab].AsMemory(at.Offset + at.IdLength, at.JsonLength))
            : null;
    }
}

/// <summary>One list item as the JSON object a page writes for it, with its id's UTF-8 (a page's cursor names the last id).</summary>
internal readonly record struct RenderedItem(ReadOnlyMemory<byte> Id, ReadOnlyMemory<byte> Json);
