namespace ArticleApi.Articles.Counting;

/// <summary>
/// The published flag, quality and heat ranks and publication hour of some rows, copied in those rows' order: a
/// topic's, provider's, type's or category's rows, or every row in date order. A filter narrowed to one of those sources reads
/// 3 to 7 bytes per row of that source, one after the other (<see cref="ProjectedMatches"/>), instead of a pass over
/// every row of every column (<see cref="FilterMatches"/>): a topic of 3% of the articles costs 3% of that pass.
/// </summary>
internal sealed class SourceColumns
{
    private readonly sbyte[] _published;
    private readonly NarrowRanks _quality;
    private readonly NarrowRanks _heat;
    private readonly int[]? _hours;

    private SourceColumns(ArraySegment<int> rows, sbyte[] published, NarrowRanks quality, NarrowRanks heat, int[]? hours, byte[]? records)
    {
        Rows = rows;
        (_published, _quality, _heat, _hours, Records) = (published, quality, heat, hours, records);
    }

    /// <summary>The rows, in the order of the copies: position i holds the values of row <c>Rows[i]</c>.</summary>
    public ArraySegment<int> Rows { get; }

    /// <summary>
    /// The rows' <see cref="FacetRecords"/> in the same order (<see cref="FacetRecords.Size"/> bytes each), or null when
    /// the rows have none: the facets of matches found here are counted from them in one sequential pass.
    /// </summary>
    public byte[]? Records { get; }

    public long Bytes => ((long)Rows.Count * (sizeof(sbyte) + (_hours is null ? 0 : sizeof(int)))) + _quality.Bytes + _heat.Bytes + (Records?.LongLength ?? 0);

    /// <summary>
    /// The columns of <paramref name="rows"/>; <paramref name="hours"/> (<see cref="DateBits.Hours"/>) when they are not
    /// in date order; <paramref name="records"/>, the rows' facet records in their order (<see cref="FacetRecords.CopyOf"/>), when built.
    /// </summary>
    public static SourceColumns Of(ArraySegment<int> rows, sbyte[] published, ValueColumn quality, ValueColumn heat, int[]? hours, byte[]? records = null)
    {
        var span = rows.AsSpan();
        var flags = new sbyte[span.Length];
        var hoursOf = hours is null ? null : new int[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            flags[i] = published[span[i]];
            if (hoursOf is not null)
            {
                hoursOf[i] = hours![span[i]];
            }
        }

        return new SourceColumns(rows, flags, NarrowRanks.Of(quality, span), NarrowRanks.Of(heat, span), hoursOf, records);
    }

    /// <summary>Bit i set when the row at position <paramref name="start"/> + i has published flag <paramref name="flag"/>.</summary>
    public ulong Flagged(int start, sbyte flag) => RangeBits.Word<sbyte>(_published, start, flag, flag);

    /// <summary>
    /// Bit i set when the row at position <paramref name="start"/> + i has the published flag and lies in the quality
    /// and heat ranks asked for (each null when not asked). The caller masks the positions past its part.
    /// </summary>
    public ulong Word(int start, sbyte? published, (int First, int Last)? quality, (int First, int Last)? heat)
    {
        var bits = ~0UL;
        if (published is { } flag)
        {
            bits &= RangeBits.Word<sbyte>(_published, start, flag, flag);
        }

        if (quality is var (lowQuality, highQuality) && bits != 0)
        {
            bits &= _quality.At(start, lowQuality, highQuality);
        }

        if (heat is var (lowHeat, highHeat) && bits != 0)
        {
            bits &= _heat.At(start, lowHeat, highHeat);
        }

        return bits;
    }

    /// <summary><see cref="DateBits.HoursIn"/> of the 64 positions from <paramref name="start"/> on.</summary>
    public (ulong Sure, ulong Maybe) Dates(DateBits dates, int start) =>
        dates.HoursIn(_hours ?? throw new InvalidOperationException("Rows in date order have no hours: their date range is a slice."), start);
}
