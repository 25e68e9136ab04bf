namespace ArticleApi.Articles;

/// <summary>
/// One data version's list items as JSON (<see cref="RenderedItems"/>), in two generations of at most half the budget
/// each: when the newer one is full it becomes the older one and the older one is emptied to be the newer, and an item
/// found in the older one is copied to the newer. Items shown often stay; the budget is never passed. Each generation
/// writes its items into slabs of up to 1 MiB and finds them through a dictionary of plain numbers: tens of thousands
/// of kept items are a few dozen objects to the garbage collector, not tens of thousands (with an array per item, the
/// collector's pauses put 10 to 20 ms on the 99th percentile of pages with many new items). A lock per page, not per
/// item. The items found are copied out under the lock into one array of the page's own, so that no reference to a
/// slab leaves it: an emptied generation writes over its slabs again instead of dropping them. New slabs for every
/// generation were large-object allocations at the rate pages bring new items (27 MB/s of random pages at 1,000,000
/// articles), and each few of them a full collection (BENCHMARKS.md).
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
                return _newer.HeldBytes + _older.HeldBytes;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="found"/> with copies of the kept items of <paramref name="keys"/>, in one array of the
    /// caller's; returns the keys of the others.
    /// </summary>
    public List<long> Find(IReadOnlyList<long> keys, RenderedItem?[] found)
    {
        var missing = new List<long>();
        // Where each item is: in the newer generation, the older one, or neither (Older false, Slab -1).
        var at = new (bool Older, Location Item)[keys.Count];
        byte[] copies;
        lock (_lock)
        {
            var bytes = 0;
            for (var i = 0; i < keys.Count; i++)
            {
                at[i] = _newer.Entries.TryGetValue(keys[i], out var item) ? (false, item)
                    : _older.Entries.TryGetValue(keys[i], out item) ? (true, item)
                    : (false, new Location(-1, 0, 0, 0));
                bytes += at[i].Item.IdLength + at[i].Item.JsonLength;
            }

            // Every item copied before any moves: making room for one in the newer generation may empty the older one.
            copies = bytes == 0 ? [] : new byte[bytes];
            var offset = 0;
            for (var i = 0; i < keys.Count; i++)
            {
                if (at[i].Item.Slab >= 0)
                {
                    offset += (at[i].Older ? _older : _newer).CopyTo(at[i].Item, copies.AsSpan(offset));
                }
            }

            offset = 0;
            for (var i = 0; i < keys.Count; i++)
            {
                var (older, item) = at[i];
                if (item.Slab < 0)
                {
                    missing.Add(keys[i]);
                    continue;
                }

                found[i] = new RenderedItem(copies.AsMemory(offset, item.IdLength), copies.AsMemory(offset + item.IdLength, item.JsonLength));
                if (older && _older.Entries.Remove(keys[i]))
                {
                    Append(keys[i], found[i]!.Value.Id.Span, found[i]!.Value.Json.Span);
                }

                offset += item.IdLength + item.JsonLength;
            }
        }

        return missing;
    }

    /// <summary>Keeps a copy of each item not kept yet; an item larger than a generation is not kept.</summary>
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

    private void Append(long key, ReadOnlySpan<byte> id, ReadOnlySpan<byte> json)
    {
        var size = id.Length + json.Length;
        if (size > _generationBytes)
        {
            return;
        }

        if (!_newer.Fits(size))
        {
            var slab = Math.Max(_slabBytes, size);
            if (_newer.SlabBytes + slab > _generationBytes)
            {
                // Only the items of the older generation are lost; its slabs hold the newer one's items from now on.
                var emptied = _older;
                emptied.Empty(_slabBytes);
                (_older, _newer) = (_newer, emptied);
            }

            _newer.AddSlab(slab, _generationBytes);
        }

        _newer.Add(key, id, json);
    }

    private sealed class Generation
    {
        public readonly Dictionary<long, Location> Entries = [];
        private readonly List<byte[]> _slabs = [];
        private readonly Stack<byte[]> _spare = [];
        private int _used;

        /// <summary>Bytes of the slabs written to.</summary>
        public long SlabBytes { get; private set; }

        /// <summary>Bytes of the slabs held: those written to, and those of an earlier use left to write to again.</summary>
        public long HeldBytes => SlabBytes + _spare.Sum(slab => (long)slab.Length);

        public bool Fits(int size) => _slabs.Count > 0 && _slabs[^1].Length - _used >= size;

        /// <summary>Starts a slab of <paramref name="bytes"/>, a spare one when it has that size; held bytes stay within <paramref name="limit"/>.</summary>
        public void AddSlab(int bytes, long limit)
        {
            if (_spare.Count > 0 && _spare.Peek().Length == bytes)
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
        }

        /// <summary>Forgets every item; slabs of <paramref name="slabBytes"/> are kept to be written over, larger ones dropped.</summary>
        public void Empty(int slabBytes)
        {
            Entries.Clear();
            foreach (var slab in _slabs.Where(slab => slab.Length == slabBytes))
            {
                _spare.Push(slab);
            }

            _slabs.Clear();
            SlabBytes = 0;
        }

        public void Add(long key, ReadOnlySpan<byte> id, ReadOnlySpan<byte> json)
        {
            var slab = _slabs[^1];
            id.CopyTo(slab.AsSpan(_used));
            json.CopyTo(slab.AsSpan(_used + id.Length));
            Entries[key] = new Location(_slabs.Count - 1, _used, id.Length, json.Length);
            _used += id.Length + json.Length;
        }

        /// <summary>Copies the item at <paramref name="item"/> (its id, then its JSON) to <paramref name="destination"/>; returns its size.</summary>
        public int CopyTo(Location item, Span<byte> destination)
        {
            var size = item.IdLength + item.JsonLength;
            _slabs[item.Slab].AsSpan(item.Offset, size).CopyTo(destination);
            return size;
        }
    }

    // An item's place in its generation: no references, so the collector does not walk the entries.
    private readonly record struct Location(int Slab, int Offset, int IdLength, int JsonLength);
}

/// <summary>One list item as the JSON object a page writes for it, with its id's UTF-8 (a page's cursor names the last id).</summary>
internal readonly record struct RenderedItem(ReadOnlyMemory<byte> Id, ReadOnlyMemory<byte> Json);
