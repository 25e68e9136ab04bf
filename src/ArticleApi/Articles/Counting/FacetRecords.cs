using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Each row's provider, type, category and first topics in one record of <see cref="Size"/> bytes, for counting the
/// facets of many matching rows in one pass: a matching row then costs one scattered read for every facet asked for,
/// where the per-field arrays (<see cref="RowValues"/>) cost one for the provider, the type and the category each and
/// two for the topics. Eight bytes, eight records a cache line: a broad filter's matches fill most lines, and with
/// records of 16 bytes the pass waited on memory for twice the bytes. Built only when every id fits its slot (fewer
/// than 255 topics, types and categories, fewer than 65,535 providers). A record holds <see cref="TopicSlots"/> topic
/// ids, counted for every row whether it has them or not (an empty slot names a spare counter: no branch per row);
/// the rows with more are marked in a bitmap, and their other topics are counted from the topics' own arrays after the
/// pass, by an AND of that bitmap with the matches.
/// </summary>
internal sealed class FacetRecords
{
    /// <summary>Bytes per row: an eighth of a cache line.</summary>
    public const int Size = 8;

    /// <summary>Topic ids a record holds: a row's first ones, in id order.</summary>
    public const int TopicSlots = Size - 4;

    // Topic ids are bytes: one counter each, the spare counters of empty slots among them.
    private const int TopicCounters = byte.MaxValue + 1;

    private readonly byte[] _records;
    private readonly RowValues _topics;
    private readonly ulong[]? _moreTopics;
    private readonly int _topicIds;
    private readonly int _providerIds;
    private readonly int _typeIds;
    private readonly int _categoryIds;

    private FacetRecords(byte[] records, ulong[]? moreTopics, TopicPostings topics, NameColumn provider, NameColumn type, NameColumn category)
    {
        (_records, _moreTopics, _topics, _topicIds) = (records, moreTopics, topics.PerRow, topics.Slugs.Length);
        (_providerIds, _typeIds, _categoryIds) = (provider.Names.Length, type.Names.Length, category.Names.Length);
    }

    /// <summary>The records of every row, or null when some id does not fit its slot.</summary>
    public static FacetRecords? Build(int rows, NameColumn provider, NameColumn type, NameColumn category, TopicPostings topics)
    {
        // A row without a value holds the field's name count, one past its last id.
        if (provider.Names.Length >= ushort.MaxValue || type.Names.Length >= byte.MaxValue || category.Names.Length >= byte.MaxValue || topics.Slugs.Length >= byte.MaxValue)
        {
            return null;
        }

        var records = new byte[(long)rows * Size];
        var perRow = new int[rows];
        ulong[]? more = null;
        for (var id = 0; id < topics.Slugs.Length; id++)
        {
            foreach (var row in topics.Rows(id))
            {
                if (perRow[row] < TopicSlots)
                {
                    records[(row * Size) + 4 + perRow[row]] = (byte)id;
                }
                else
                {
                    more ??= new ulong[(rows + 63) / 64];
                    more[row >> 6] |= 1UL << (row & 63);
                }

                perRow[row]++;
            }
        }

        for (var row = 0; row < rows; row++)
        {
            var record = records.AsSpan(row * Size, Size);
            BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)(provider.Ids[row] == NameColumn.None ? provider.Names.Length : provider.Ids[row]));
            record[2] = (byte)(type.Ids[row] == NameColumn.None ? type.Names.Length : type.Ids[row]);
            record[3] = (byte)(category.Ids[row] == NameColumn.None ? category.Names.Length : category.Ids[row]);
            // Slot k of a row with fewer topics names spare counter Slugs.Length + k (the last one when past a byte): not
            // an id, and one per slot, so that the empty slots of successive rows do not wait on one counter.
            for (var slot = perRow[row]; slot < TopicSlots; slot++)
            {
                record[4 + slot] = (byte)Math.Min(topics.Slugs.Length + slot, byte.MaxValue);
            }
        }

        return new FacetRecords(records, more, topics, provider, type, category);
    }

    public long Bytes => _records.LongLength + ((_moreTopics?.LongLength ?? 0) * sizeof(ulong));

    /// <summary>The records of <paramref name="rows"/>, in that order (<see cref="SourceColumns.Records"/>).</summary>
    public byte[] CopyOf(ReadOnlySpan<int> rows)
    {
        var copies = new byte[(long)rows.Length * Size];
        for (var i = 0; i < rows.Length; i++)
        {
            _records.AsSpan(rows[i] * Size, Size).CopyTo(copies.AsSpan(i * Size, Size));
        }

        return copies;
    }

    /// <summary>
    /// Adds each matching row's values to the counts given, indexed by id, for the fields whose counts are not null; each
    /// array has one more slot than its field has names, where rows without a value are counted. A set read from copied
    /// columns with records (<see cref="RowSet.Positions"/>) is counted from those copies.
    /// </summary>
    public unsafe void CountInto(RowSet rows, int[]? providers, int[]? types, int[]? categories, int[]? topics)
    {
        // The records hold ids up to each field's name count (its "no value" slot): the counts are written unchecked below.
        ArgumentOutOfRangeException.ThrowIfLessThan(providers?.Length ?? int.MaxValue, _providerIds + 1, nameof(providers));
        ArgumentOutOfRangeException.ThrowIfLessThan(types?.Length ?? int.MaxValue, _typeIds + 1, nameof(types));
        ArgumentOutOfRangeException.ThrowIfLessThan(categories?.Length ?? int.MaxValue, _categoryIds + 1, nameof(categories));
        ArgumentOutOfRangeException.ThrowIfLessThan(topics?.Length ?? int.MaxValue, _topicIds, nameof(topics));

        // Every byte is a counter here, so no topic count needs a check; the names' counts are added to topics at the end.
        var topicCounters = stackalloc int[TopicCounters];
        new Span<int>(topicCounters, TopicCounters).Clear();
        var words = rows.Read;
        fixed (int* providerCounts = providers, typeCounts = types, categoryCounts = categories)
        {
            var counters = topics is null ? null : topicCounters;
            if (rows.Positions is { HaveRecords: true } positions)
            {
                // The rows where they were found, their records copied in that order: read one after the other.
                for (var part = 0; part < positions.Parts.Count; part++)
                {
                    fixed (byte* copies = positions.Parts[part].Columns.Records)
                    {
                        var pass = new Pass(copies + ((long)positions.Parts[part].First * Size), providerCounts, typeCounts, categoryCounts, counters);
                        RowsAhead.Visit(positions.Words(part), ref pass);
                    }
                }
            }
            else
            {
                fixed (byte* start = _records)
                {
                    var pass = new Pass(start, providerCounts, typeCounts, categoryCounts, counters);
                    // Each scattered record asked for ahead of its count.
                    RowsAhead.Visit(words, ref pass);
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

            CountMoreTopics(words, topics);
        }
    }

    // The topics past a record's slots, of the matching rows that have them.
    private void CountMoreTopics(ReadOnlySpan<ulong> matches, int[] topics)
    {
        if (_moreTopics is not { } more)
        {
            return;
        }

        for (var word = 0; word < matches.Length; word++)
        {
            for (var bits = matches[word] & more[word]; bits != 0; bits &= bits - 1)
            {
                _topics.CountRowInto(topics, (word << 6) + BitOperations.TrailingZeroCount(bits), skip: TopicSlots);
            }
        }
    }

    // One pass's counters and records, as pointers: the loop over the rows keeps them in registers, with no bounds
    // check (the ids were checked against the counts' lengths) and no field read per row.
    private readonly unsafe ref struct Pass(byte* records, int* providers, int* types, int* categories, int* topics) : IRowVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Prefetch(int row) => RowsAhead.Prefetch(records, (long)row * Size);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int row)
        {
            // The same branches for every row: predicted, unlike a test of the row's values.
            var record = records + ((long)row * Size);
            if (providers != null)
            {
                providers[*(ushort*)record]++;
            }

            if (types != null)
            {
                types[record[2]]++;
            }

            if (categories != null)
            {
                categories[record[3]]++;
            }

            if (topics != null)
            {
                var slots = *(uint*)(record + 4);
                topics[slots & 0xFF]++;
                topics[(slots >> 8) & 0xFF]++;
                topics[(slots >> 16) & 0xFF]++;
                topics[slots >> 24]++;
            }
        }
    }
}
