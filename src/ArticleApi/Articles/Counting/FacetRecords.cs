using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Each row's provider, type, category and topics in one record of <see cref="Size"/> bytes, for counting the facets of
/// many matching rows in one pass: a matching row then costs one scattered read (a cache line) for every facet asked
/// for, where the per-field arrays (<see cref="RowValues"/>) cost one for the provider, the type and the category each
/// and two for the topics. Built only when every id fits its slot (fewer than 255 topics, types and categories, fewer
/// than 65,535 providers); a row with more than <see cref="TopicSlots"/> topics reads them from the topics' own arrays.
/// A matching row's topics are counted by a loop of the same length for every row (<see cref="CountedSlots"/>, enough
/// for nine rows in ten; an empty slot names a spare counter): a loop as long as each row's topics mispredicted its end
/// on nearly every row, and at 5% to 15% of a million rows matching that was half of the pass.
/// </summary>
internal sealed class FacetRecords
{
    /// <summary>Bytes per row: a quarter of a cache line.</summary>
    public const int Size = 16;

    /// <summary>Topic ids a record holds; <see cref="Overflow"/> in the count slot marks a row with more.</summary>
    public const int TopicSlots = Size - 5;

    private const byte Overflow = byte.MaxValue;

    // Words of matching rows whose records are asked for together: at 5% of rows matching, about 50 records in flight.
    private const int BatchWords = 16;

    // Topic ids are bytes: one counter each, the spare counters of empty slots among them.
    private const int TopicCounters = byte.MaxValue + 1;

    private readonly byte[] _records;
    private readonly RowValues _topics;
    private readonly int _topicIds;

    private FacetRecords(byte[] records, TopicPostings topics, int countedSlots) =>
        (_records, _topics, _topicIds, CountedSlots) = (records, topics.PerRow, topics.Slugs.Length, countedSlots);

    /// <summary>The records of every row, or null when some id does not fit its slot.</summary>
    public static FacetRecords? Build(int rows, NameColumn provider, NameColumn type, NameColumn category, TopicPostings topics)
    {
        // A row without a value holds the field's name count, one past its last id.
        if (provider.Names.Length >= ushort.MaxValue || type.Names.Length >= byte.MaxValue || category.Names.Length >= byte.MaxValue || topics.Slugs.Length >= byte.MaxValue)
        {
            return null;
        }

        var records = new byte[(long)rows * Size];
        var counts = new byte[rows];
        var perRow = new int[rows];
        for (var id = 0; id < topics.Slugs.Length; id++)
        {
            foreach (var row in topics.Rows(id))
            {
                if (perRow[row] < TopicSlots)
                {
                    records[(row * Size) + 5 + perRow[row]] = (byte)id;
                }

                perRow[row]++;
            }
        }

        // Slot k of a row with fewer topics names spare counter Slugs.Length + k (the last one when past a byte): not an
        // id, and one per slot, so that the empty slots of successive rows do not wait on one counter.
        for (var row = 0; row < rows; row++)
        {
            for (var slot = perRow[row]; slot < TopicSlots; slot++)
            {
                records[(row * Size) + 5 + slot] = (byte)Math.Min(topics.Slugs.Length + slot, byte.MaxValue);
            }
        }

        for (var row = 0; row < rows; row++)
        {
            var record = records.AsSpan(row * Size, Size);
            BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)(provider.Ids[row] == NameColumn.None ? provider.Names.Length : provider.Ids[row]));
            record[2] = (byte)(type.Ids[row] == NameColumn.None ? type.Names.Length : type.Ids[row]);
            record[3] = (byte)(category.Ids[row] == NameColumn.None ? category.Names.Length : category.Ids[row]);
            record[4] = perRow[row] > TopicSlots ? Overflow : (byte)perRow[row];
        }

        return new FacetRecords(records, topics, CoveringSlots(perRow));
    }

    public long Bytes => _records.LongLength;

    /// <summary>
    /// How many topic slots the pass counts for every row: the fewest that hold all the topics of nine rows in ten
    /// (rows with more count the rest in a second loop).
    /// </summary>
    public int CountedSlots { get; }

    private static int CoveringSlots(int[] perRow)
    {
        var rowsWith = new int[TopicSlots + 2];
        foreach (var topics in perRow)
        {
            rowsWith[Math.Min(topics, TopicSlots + 1)]++;
        }

        var (covered, slots) = (rowsWith[0], 0);
        while (slots < TopicSlots && covered < perRow.Length * 0.9)
        {
            covered += rowsWith[++slots];
        }

        return slots;
    }

    /// <summary>
    /// Adds each matching row's values to the counts given, indexed by id, for the fields whose counts are not null; each
    /// array has one more slot than its field has names, where rows without a value are counted.
    /// </summary>
    public unsafe void CountInto(RowSet rows, int[]? providers, int[]? types, int[]? categories, int[]? topics)
    {
        // Every byte is a counter here, so no count needs a bounds check; the names' counts are added to topics at the end.
        Span<int> topicCounters = stackalloc int[TopicCounters];
        topicCounters.Clear();
        var counts = new Counts(providers, types, categories, topics is null ? null : topicCounters);
        Span<int> batch = stackalloc int[BatchWords * 64];
        fixed (byte* start = _records)
        {
            for (var first = 0; first < rows.WordCount; first += BatchWords)
            {
                // A batch's records asked for before any is read: each scattered record was a wait for memory.
                var size = 0;
                foreach (var row in rows.Range(first, BatchWords))
                {
                    if (Sse.IsSupported)
                    {
                        Sse.Prefetch0(start + ((long)row * Size));
                    }

                    batch[size++] = row;
                }

                foreach (var row in batch[..size])
                {
                    CountRow(row, ref counts, topics);
                }
            }
        }

        if (topics is not null)
        {
            // The ids' counters; past them, the spare ones of empty slots.
            for (var id = 0; id < _topicIds; id++)
            {
                topics[id] += topicCounters[id];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountRow(int row, ref Counts counts, int[]? topics)
    {
        // The same branches for every row: predicted, unlike a test of the row's values.
        ref var record = ref _records[row * Size];
        if (counts.Providers is { } providers)
        {
            providers[Unsafe.ReadUnaligned<ushort>(ref record)]++;
        }

        if (counts.Types is { } types)
        {
            types[Unsafe.Add(ref record, 2)]++;
        }

        if (counts.Categories is { } categories)
        {
            categories[Unsafe.Add(ref record, 3)]++;
        }

        if (topics is null)
        {
            return;
        }

        ref var topicCounter = ref MemoryMarshal.GetReference(counts.Topics);
        var counted = CountedSlots;
        for (var slot = 0; slot < counted; slot++)
        {
            Unsafe.Add(ref topicCounter, Unsafe.Add(ref record, 5 + slot))++;
        }

        var count = Unsafe.Add(ref record, 4);
        if (count <= counted)
        {
            return;
        }

        if (count == Overflow)
        {
            // Its topics from their own arrays, all of them: the slots counted above are taken back.
            for (var slot = 0; slot < counted; slot++)
            {
                Unsafe.Add(ref topicCounter, Unsafe.Add(ref record, 5 + slot))--;
            }

            _topics.CountRowInto(topics, row);
            return;
        }

        for (var slot = counted; slot < count; slot++)
        {
            Unsafe.Add(ref topicCounter, Unsafe.Add(ref record, 5 + slot))++;
        }
    }

    // The counts of one pass: the topics' on the stack, indexed by any byte.
    private readonly ref struct Counts(int[]? providers, int[]? types, int[]? categories, Span<int> topics)
    {
        public readonly int[]? Providers = providers;
        public readonly int[]? Types = types;
        public readonly int[]? Categories = categories;
        public readonly Span<int> Topics = topics;
    }
}
