using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The set of rows a <see cref="ColumnFilter"/> keeps, for totals and facets. A filter with a rare part (a small
/// topic or provider, a narrow range) tests the rows of that part one by one (<see cref="MatchingRows"/>); any other
/// is built 64 rows at a time, with no test row by row: published, quality, heat and dates by vector compares over
/// the columns (<see cref="RangeBits"/>), topics, a search and a common type or category by AND of bitmaps, and
/// providers and a rare type or category by a bitmap of their rows, marked once per request.
/// </summary>
internal static class FilterMatches
{
    /// <summary>Rows of a source with copied columns that cost about as much to match as one row tested on its own.</summary>
    public const int CopiedRowsPerTestedRow = 8;

    /// <summary>The matching rows; the caller disposes the set.</summary>
    public static RowSet Select(ArticleColumns columns, ColumnFilter filter, bool withPositions = false)
    {
        using var test = MatchingRows.For(columns, filter);
        return Select(columns, filter, test, withPositions);
    }

    /// <summary>
    /// The matching rows, with the filter's single-row test already built (<see cref="MatchSet.Test"/>); the caller
    /// disposes the set. When read from copied columns, with their <see cref="RowSet.Positions"/> if <paramref name="withPositions"/>.
    /// </summary>
    public static RowSet Select(ArticleColumns columns, ColumnFilter filter, MatchingRows test, bool withPositions = false)
    {
        var source = test.SmallestSource();
        // A source with its columns copied costs a pass over its own rows only, a few contiguous bytes each, where a
        // candidate tested on its own costs a few scattered reads: the copies win unless they hold many more rows than
        // the smallest source. Under one candidate per 64 rows the candidates' tests cost less than a pass over every
        // word; an exact source's rows need no test at all.
        return !source.Exact && test.Projected is { } projected && (long)projected.Size <= (long)source.Size * CopiedRowsPerTestedRow
                ? Projected(columns, filter, test, projected, withPositions)
            : !source.IsAll && (long)source.Size * 64 < columns.Count ? Tested(columns, test, source)
            : test.Projected is { } larger ? Projected(columns, filter, test, larger, withPositions)
            : Scanned(columns, filter, test, 0, columns.Count);
    }

    // A date range's rows are a run of rows when the rows are numbered in date order (RowNumbering): its matches are
    // the words of that run, built a word at a time, where its copied columns cost a step per candidate row.
    private static RowSet Projected(ArticleColumns columns, ColumnFilter filter, MatchingRows test, ProjectedSource source, bool withPositions) =>
        source.DatesCovered && columns.Order(OrderField.PublishedAt).InRowOrder
            ? Scanned(columns, filter, test, source.Parts[0].First, source.Parts[0].End)
            : ProjectedMatches.Select(columns, filter, test, source, withPositions);

    private static RowSet Tested(ArticleColumns columns, MatchingRows test, RowSource source)
    {
        var result = new RowSet(columns.Count);
        foreach (var row in source.Rows())
        {
            if (source.Exact || test.Matches(row))
            {
                result.Add(row);
            }
        }

        return result;
    }

    // The matches among rows [first, end): every match of the filter lies there.
    private static RowSet Scanned(ArticleColumns columns, ColumnFilter filter, MatchingRows test, int first, int end)
    {
        var result = new RowSet(columns.Count);
        // Every other condition as rows to keep or to leave out, a word at a time: nothing is tested row by row.
        using var bitmaps = ConditionBitmaps.Of(columns, filter, test);
        if (!bitmaps.MatchNothing)
        {
            var dates = filter.Range(OrderField.PublishedAt) is var (from, to) ? new DateBits(from, to) : (DateBits?)null;
            var words = result.Bits;
            Fill(words[(first >> 6)..((end + 63) >> 6)], first >> 6, columns, filter.Published, filter.QualityRanks(columns.Quality), filter.HeatRanks(columns.Heat), dates, bitmaps);
        }

        return result;
    }

    // Words from `start` on, the first of `words` being word `start` of the set.
    private static void Fill(
        Span<ulong> words, int start, ArticleColumns columns, bool? publishedFlag, (int, int)? quality, (int, int)? heat, DateBits? dates,
        ConditionBitmaps bitmaps)
    {
        var index = columns.Counting;
        sbyte? published = publishedFlag is { } flag ? (sbyte)(flag ? 1 : 0) : null;
        var lastWord = (columns.Count - 1) >> 6;
        for (var word = start; word < start + words.Length; word++)
        {
            var bits = word < lastWord || columns.Count % 64 == 0 ? ~0UL : (1UL << (columns.Count % 64)) - 1;
            // Bitmaps first, a load per word each, then the vector compares (two to sixteen loads per word), skipped
            // once no row of the word is left: a topic or a provider leaves most words empty.
            foreach (var kept in bitmaps.Kept)
            {
                bits &= kept[word];
            }

            foreach (var left in bitmaps.Left)
            {
                bits &= ~left[word];
            }

            if (published is { } value && bits != 0)
            {
                bits &= RangeBits.Word<sbyte>(columns.Published, word * 64, value, value);
            }

            if (quality is var (lowQuality, highQuality) && bits != 0)
            {
                bits &= index.Quality.Word(word, lowQuality, highQuality);
            }

            if (heat is var (lowHeat, highHeat) && bits != 0)
            {
                bits &= index.Heat.Word(word, lowHeat, highHeat);
            }

            if (dates is { } range && bits != 0)
            {
                bits &= range.Word(index.PublishedHours, columns.PublishedAt, word);
            }

            words[word - start] = bits;
        }
    }
}
