namespace ArticleApi.Articles.Counting;

/// <summary>
/// What makes counting over <see cref="ArticleColumns"/> cheap, built once per data version beside them: quality and
/// heat ranks a byte each (<see cref="NarrowRanks"/>), so a filter tests them 32 rows per instruction; each row's hour
/// of publication (<see cref="DateBits"/>), 8 rows per instruction; the published and the unpublished rows as a bitmap
/// each, for the published facet; per topic, provider, type and category a bitmap per
/// common value and a cube for the largest values (<see cref="ValueIndex"/>); and a cube of every row for the total of
/// a plain filter; and the filter columns copied in the order of a value's rows and in date order
/// (<see cref="SourceColumns"/>), so that a filter narrowed to one of them reads only those rows; and each row's
/// named values in one record (<see cref="FacetRecords"/>). 17¼ bytes per article, 1/8 byte per article per common
/// value, 7 bytes per row of a value held by at most half the rows, about 90 KB per cube; and 8 bytes per row copied
/// in a value's or in date order for its record, when records are built.
/// </summary>
internal sealed class CountingIndex
{
    public required NarrowRanks Quality { get; init; }

    public required NarrowRanks Heat { get; init; }

    /// <summary>A bit per row, set for the published rows: the published facet of a set is a popcount per word.</summary>
    public required ulong[] PublishedRows { get; init; }

    /// <summary>A bit per row, set for the rows that say they are not published.</summary>
    public required ulong[] UnpublishedRows { get; init; }

    /// <summary>Each row's hour of publication (<see cref="DateBits.Hours"/>): what a date range is compared with.</summary>
    public required int[] PublishedHours { get; init; }

    public required ValueIndex Topics { get; init; }

    public required ValueIndex Provider { get; init; }

    public required ValueIndex Type { get; init; }

    public required ValueIndex Category { get; init; }

    /// <summary>The cube of every row: the total of a plain filter (published, quality, heat) in a few look-ups; null when the ranks are too many.</summary>
    public required ValueCube? All { get; init; }

    /// <summary>Every row's filter columns in date order (<see cref="OrderField.PublishedAt"/>): a date range is a slice of them.</summary>
    public required SourceColumns DateOrder { get; init; }

    /// <summary>Each row's provider, type, category and topics in one record, when their ids fit (<see cref="FacetRecords"/>).</summary>
    public required FacetRecords? Records { get; init; }

    /// <summary>Bytes held in all.</summary>
    public long Bytes => Quality.Bytes + Heat.Bytes + ((PublishedRows.LongLength + UnpublishedRows.LongLength) * sizeof(ulong)) + ((long)PublishedHours.Length * sizeof(int)) + Topics.Bytes + Provider.Bytes + Type.Bytes + Category.Bytes + (All?.Bytes ?? 0) + DateOrder.Bytes + (Records?.Bytes ?? 0);

    public static CountingIndex Build(
        int rows, sbyte[] published, ValueColumn quality, ValueColumn heat, long[] publishedAt, ValueColumn month, TopicPostings topics,
        NameColumn provider, NameColumn type, NameColumn category, int[] dateOrder)
    {
        ValueIndex.CubeOf? cubeOf = ValueCube.Fits(quality, heat) ? valueRows => ValueCube.Build(valueRows, published, quality, heat) : null;
        var hours = DateBits.Hours(publishedAt, month);
        var records = FacetRecords.Build(rows, provider, type, category, topics);
        SourceColumns Copied(ArraySegment<int> valueRows) => SourceColumns.Of(valueRows, published, quality, heat, hours, records?.CopyOf(valueRows));
        ValueIndex Values(NameColumn column) => new(rows, column.Names.Length, id => column.Rows(id), cubeOf, id => Copied(column.Rows(id)));
        return new()
        {
            Quality = new NarrowRanks(quality),
            Heat = new NarrowRanks(heat),
            PublishedRows = Flagged(published, 1),
            UnpublishedRows = Flagged(published, 0),
            PublishedHours = hours,
            Topics = new ValueIndex(rows, topics.Slugs.Length, topics.Rows, cubeOf, id => Copied(topics.Segment(id))),
            Provider = Values(provider),
            Type = Values(type),
            Category = Values(category),
            All = cubeOf?.Invoke([.. Enumerable.Range(0, rows)]),
            DateOrder = SourceColumns.Of(dateOrder, published, quality, heat, hours: null, records?.CopyOf(dateOrder)),
            Records = records,
        };
    }

    // The rows whose published flag is the one given, a bit each.
    private static ulong[] Flagged(sbyte[] published, sbyte flag)
    {
        var bits = new ulong[(published.Length + 63) / 64];
        for (var row = 0; row < published.Length; row++)
        {
            if (published[row] == flag)
            {
                bits[row >> 6] |= 1UL << (row & 63);
            }
        }

        return bits;
    }
}
