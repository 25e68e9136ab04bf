namespace ArticleApi.Articles;

/// <summary>
/// One data version's list items as JSON (<see cref="RenderedItems"/>), in two generations of at most half the budget
/// each: when the newer one is full it becomes the older one and the older one is emptied to be the newer, and an item
/// found in the older one is copied to the newer. Items shown often stay; the budget is never passed. Each generation
/// writes its items into slabs of up to 1 MiB and finds them through a dictionary of plain numbers: tens of thousands
/// of kept items are a few dozen objects to the garbage collector, not tens of thousands (with an array per item, the
/// collector's pauses put 10 to 20 ms on the 99th percentile of pages with many new items). A lock per page, not per
/// item. The items found are handed out under a lease (<see cref="Find"/>) that the request gives back once its
/// response is written: an emptied generation writes over its slabs again instead of dropping them, unless a lease
/// still holds it, when it is left to the collector and the newer generation starts on new slabs. New slabs for every
/// generation were large-object allocations at the rate pages bring new items (about 27 MB/s of random pages at
/// 1,000,000 articles), and a full collection every few seconds (BENCHMARKS.md).
/// </summary>
internal sealed class RenderedItemStore
{
    /// <summary>The largest slab: a large-object allocation per MiB of items.</summary>
    public const int MaxSlabBytes = 1 << 20;

    // The lease of a page that found nothing kept: nothing to give back.
    private static readonly IDisposable NoLease = new Lease(null);

    private readonly Lock _lock = new();
    private readonly long _generationBytes;
    private readonly int _slabBytes;
    private RenderedItemGeneration _newer;
    private RenderedItemGeneration _older;

    public RenderedItemStore(long budget)
    {
        _generationBytes = budget / 2;
        _slabBytes = (int)Math.Min(MaxSlabBytes, _generationBytes);
        (_newer, _older) = (new RenderedItemGeneration(), new RenderedItemGeneration());
    }

    /// <summary>
    /// Bytes of slabs held: never more than the budget, whatever their use. A generation left to the collector while
    /// pages still read it is not counted: it lives only as long as they do.
    /// </summary>
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

    /// <summary>Slabs allocated since the store was made: those of an emptied generation written over are not counted again.</summary>
    internal int SlabsMade { get; private set; }

    /// <summary>Leases not given back yet, of both generations.</summary>
    internal int Leases
    {
        get
        {
            lock (_lock)
            {
                return _newer.Leases + _older.Leases;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="found"/> with the kept items of <paramref name="keys"/>, which stay as they are until
    /// <paramref name="lease"/> is disposed (a lease never disposed only keeps its generation from being written over);
    /// returns the keys of the others.
    /// </summary>
    public List<long> Find(IReadOnlyList<long> keys, RenderedItem?[] found, out IDisposable lease)
    {
        var missing = new List<long>();
        Lease? held = null;
        lock (_lock)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (_newer.Get(keys[i]) is { } item)
                {
                    found[i] = item;
                }
                else if (_older.Entries.Remove(keys[i], out var at) && _older.Get(at) is var older
                    && Append(keys[i], older.Id.Span, older.Json.Span) is { } moved)
                {
                    found[i] = moved;
                }
                else
                {
                    missing.Add(keys[i]);
                    continue;
                }

                // Held before the next item is looked at: moving one may make room by emptying the older generation.
                (held ??= new Lease(this)).Hold(_newer);
            }
        }

        lease = held ?? NoLease;
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
                // Only the items of the older generation are lost; its slabs hold the newer one's items from now on,
                // unless a page still reads them: then they are left to the collector. An item being moved from the
                // generation emptied may land in the slab it is read from: at its start, where nothing was written
                // since, by a copy that allows its source and destination to overlap.
                var emptied = _older.Leases == 0 ? _older.Empty(_slabBytes) : new RenderedItemGeneration();
                (_older, _newer) = (_newer, emptied);
            }

            SlabsMade += _newer.AddSlab(slab, _generationBytes) ? 0 : 1;
        }

        return _newer.Add(key, id, json);
    }

    /// <summary>The generations a request's items were handed out from: none is written over until it is disposed.</summary>
    private sealed class Lease(RenderedItemStore? store) : IDisposable
    {
        private readonly List<RenderedItemGeneration> _held = new(2);

        public void Hold(RenderedItemGeneration generation)
        {
            if (!_held.Contains(generation))
            {
                generation.Leases++;
                _held.Add(generation);
            }
        }

        public void Dispose()
        {
            if (store is null)
            {
                return;
            }

            lock (store._lock)
            {
                foreach (var generation in _held)
                {
                    generation.Leases--;
                }

                _held.Clear();
            }
        }
    }
}
