using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// Each row's provider, type, category and topics in one record of <see cref="Size"/> bytes, for counting the facets of
/// many matching rows in one pass: a matching row then costs one scattered read (a cache line) for every facet asked
/// for, where the per-field arrays (<see cref="RowValues"/>) cost one for the provider, the type and the category each
/// and two for the topics. Built only when every id fits its slot (fewer than 255 topics, types and categories, fewer
/// than 65,535 providers); a row with more than <see cref="TopicSlots"/> topics reads them from the topics' own arrays.
/// </summary>
internal sealed class FacetRecords
{
    /// <summary>Bytes per row: a quarter of a cache line.</summary>
    public const int Size = 16;

    /// <summary>Topic ids a record holds; <see cref="Overflow"/> in the count slot marks a row with more.</summary>
    public const int TopicSlots = Size - 5;

    private const byte Overflow = byte.MaxValue;

    private readonly byte[] _records;
    private readonly RowValues _topics;

    private FacetRecords(byte[] records, RowValues topics) => (_records, _topics) = (records, topics);

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

        for (var row = 0; row < rows; row++)
        {
            var record = records.AsSpan(row * Size, Size);
            BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)(provider.Ids[row] == NameColumn.None ? provider.Names.Length : provider.Ids[row]));
            record[2] = (byte)(type.Ids[row] == NameColumn.None ? type.Names.Length : type.Ids[row]);
            record[3] = (byte)(category.Ids[row] == NameColumn.None ? category.Names.Length : category.Ids[row]);
            record[4] = perRow[row] > TopicSlots ? Overflow : (byte)perRow[row];
        }

        return new FacetRecords(records, topics.PerRow);
    }

    public long Bytes => _records.LongLength;

    /// <summary>
    /// Adds each matching row's values to the counts given, indexed by id, for the fields whose counts are not null; each
    /// array has one more slot than its field has names, where rows without a value are counted.
    /// </summary>
    public void CountInto(RowSet rows, int[]? providers, int[]? types, int[]? categories, int[]? topics)
    {
        var records = _records;
        foreach (var row in rows)
        {
            // The same branches for every row: predicted, unlike a test of the row's values.
            ref var record = ref records[row * Size];
            if (providers is not null)
            {
                providers[Unsafe.ReadUnaligned<ushort>(ref record)]++;
            }

            if (types is not null)
            {
                types[Unsafe.Add(ref record, 2)]++;
            }

            if (categories is not null)
            {
                categories[Unsafe.Add(ref record, 3)]++;
            }

            if (topics is null)
            {
                continue;
            }

            var count = Unsafe.Add(ref record, 4);
            if (count == Overflow)
            {
                _topics.CountRowInto(topics, row);
                continue;
            }

            for (var slot = 0; slot < count; slot++)
            {
                topics[Unsafe.Add(ref record, 5 + slot)]++;
            }
        }
    }
}
