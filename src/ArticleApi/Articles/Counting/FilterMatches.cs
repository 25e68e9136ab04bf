using System.Numerics;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The set of rows a <see cref="ColumnFilter"/> keeps, for totals and facets. A filter with a rare part (a small
/// topic or provider, a narrow range) tests the rows of that part one by one (<see cref="MatchingRows"/>); any other
/// is built 64 rows at a time: published, quality and heat by vector compares over byte columns
/// (<see cref="RangeBits"/>), topics, a search and a common type or category by AND of bitmaps, and only the rows
/// left then tested one by one when a condition has no such form (providers, dates, a rare type or category).
/// </summary>
internal static class FilterMatches
{
    /// <summary>The matching rows; the caller disposes the set.</summary>
    public static RowSet Select(ArticleColumns columns, ColumnFilter filter)
    {
        using var test = MatchingRows.For(columns, filter);
        var source = test.SmallestSource();
        // Under one candidate per 64 rows the candidates' tests cost less than a pass over every word.
        return !source.IsAll && (long)source.Size * 64 < columns.Count ? Tested(columns, test, source) : Scanned(columns, filter, test, source);
    }

    private static RowSet Tested(ArticleColumns columns, MatchingRows test, RowSource source)
    {
        var result = new RowSet(columns.Count);
        foreach (var row in source.Rows())
        {
            if (test.Matches(row))
            {
                result.Add(row);
            }
        }

        return result;
    }

    private static RowSet Scanned(ArticleColumns columns, ColumnFilter filter, MatchingRows test, RowSource source)
    {
        var result = new RowSet(columns.Count);
        var index = columns.Counting;
        var quality = filter.QualityRanks(columns.Quality);
        var heat = filter.HeatRanks(columns.Heat);
        var bitmaps = new List<ulong[]>();
        var rowTest = filter.ProviderGroups.Count > 0 || filter.ExcludedProviders.Count > 0 || filter.From is not null || filter.To is not null;
        foreach (var (name, column, values) in (ReadOnlySpan<(string?, NameColumn, ValueIndex)>)[(filter.Type, columns.Type, index.Type), (filter.Category, columns.Category, index.Category)])
        {
            if (name is null)
            {
                continue;
            }

            // An unknown name matches nothing; a rare one is tested row by row among the rows the others leave.
            var id = column.Id(name);
            if (id == NameColumn.None)
            {
                return result;
            }

            if (values.Bitmap(id) is { } bitmap)
            {
                bitmaps.Add(bitmap);
            }
            else
            {
                rowTest = true;
            }
        }

        // Conditions tested row by row are tested only on rows of the smallest source, marked once.
        using var candidates = rowTest && !source.IsAll ? new RowSet(columns.Count) : null;
        if (candidates is not null)
        {
            source.AddTo(candidates);
        }

        var words = result.Bits;
        var required = test.RequiredRows;
        var excluded = test.ExcludedTopicRows;
        sbyte? published = filter.Published is { } flag ? (sbyte)(flag ? 1 : 0) : null;
        for (var word = 0; word < words.Length; word++)
        {
            var bits = word < words.Length - 1 || columns.Count % 64 == 0 ? ~0UL : (1UL << (columns.Count % 64)) - 1;
            if (published is { } value)
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

            foreach (var set in required)
            {
                bits &= set.Bits[word];
            }

            foreach (var bitmap in bitmaps)
            {
                bits &= bitmap[word];
            }

            if (excluded is not null)
            {
                bits &= ~excluded.Bits[word];
            }

            if (candidates is not null)
            {
                bits &= candidates.Bits[word];
            }

            words[word] = rowTest ? Tested(bits, word, test) : bits;
        }

        return result;
    }

    // The bits of one word whose rows pass every condition.
    private static ulong Tested(ulong bits, int word, MatchingRows test)
    {
        for (var rest = bits; rest != 0; rest &= rest - 1)
        {
            var bit = BitOperations.TrailingZeroCount(rest);
            if (!test.Matches((word * 64) + bit))
            {
                bits &= ~(1UL << bit);
            }
        }

        return bits;
    }
}
