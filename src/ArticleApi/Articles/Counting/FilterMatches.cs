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
    /// <summary>The matching rows; the caller disposes the set.</summary>
    public static RowSet Select(ArticleColumns columns, ColumnFilter filter)
    {
        using var test = MatchingRows.For(columns, filter);
        var source = test.SmallestSource();
        // Under one candidate per 64 rows the candidates' tests cost less than a pass over every word.
        return !source.IsAll && (long)source.Size * 64 < columns.Count ? Tested(columns, test, source) : Scanned(columns, filter, test);
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

    private static RowSet Scanned(ArticleColumns columns, ColumnFilter filter, MatchingRows test)
    {
        var result = new RowSet(columns.Count);
        var index = columns.Counting;
        var quality = filter.QualityRanks(columns.Quality);
        var heat = filter.HeatRanks(columns.Heat);
        // Every other condition as rows to keep or to leave out, a word at a time: nothing is tested row by row.
        var bitmaps = new List<ulong[]>();
        var marked = new List<RowSet>();
        try
        {
            foreach (var (name, column, values) in (ReadOnlySpan<(string?, NameColumn, ValueIndex)>)[(filter.Type, columns.Type, index.Type), (filter.Category, columns.Category, index.Category)])
            {
                if (name is null)
                {
                    continue;
                }

                // An unknown name matches nothing; a rare one has no bitmap, and its few rows are marked.
                var id = column.Id(name);
                if (id == NameColumn.None)
                {
                    return result;
                }

                bitmaps.Add(values.Bitmap(id) ?? Marked(marked, columns, [column.Rows(id)]));
            }

            foreach (var group in filter.ProviderGroups)
            {
                bitmaps.Add(Marked(marked, columns, ProviderRows(columns, group)));
            }

            var excludedProviders = filter.ExcludedProviders.Count > 0 ? Marked(marked, columns, ProviderRows(columns, filter.ExcludedProviders)) : null;
            var dates = filter.Range(OrderField.PublishedAt) is var (from, to) ? new DateBits(from, to) : (DateBits?)null;
            Fill(result.Bits, columns, filter.Published, quality, heat, dates, test, bitmaps, excludedProviders);
            return result;
        }
        finally
        {
            marked.ForEach(set => set.Dispose());
        }
    }

    private static void Fill(
        Span<ulong> words, ArticleColumns columns, bool? publishedFlag, (int, int)? quality, (int, int)? heat, DateBits? dates,
        MatchingRows test, List<ulong[]> bitmaps, ulong[]? excludedProviders)
    {
        var index = columns.Counting;
        var required = test.RequiredRows;
        var excluded = test.ExcludedTopicRows;
        sbyte? published = publishedFlag is { } flag ? (sbyte)(flag ? 1 : 0) : null;
        for (var word = 0; word < words.Length; word++)
        {
            var bits = word < words.Length - 1 || columns.Count % 64 == 0 ? ~0UL : (1UL << (columns.Count % 64)) - 1;
            // Bitmaps first, a load per word each, then the vector compares (two to sixteen loads per word), skipped
            // once no row of the word is left: a topic or a provider leaves most words empty.
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

            if (excludedProviders is not null)
            {
                bits &= ~excludedProviders[word];
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

            words[word] = bits;
        }
    }

    // The rows of the named domains that some article has.
    private static List<ArraySegment<int>> ProviderRows(ArticleColumns columns, IEnumerable<string> domains) =>
        [.. domains.Distinct(StringComparer.Ordinal).Select(columns.Provider.Id).Where(id => id != NameColumn.None).Select(columns.Provider.Rows)];

    // A set of the given rows, kept in marked for disposal; its words as one bitmap.
    private static ulong[] Marked(List<RowSet> marked, ArticleColumns columns, IEnumerable<ArraySegment<int>> rows)
    {
        var set = new RowSet(columns.Count);
        marked.Add(set);
        foreach (var slice in rows)
        {
            set.AddAll(slice);
        }

        return set.Words;
    }
}
