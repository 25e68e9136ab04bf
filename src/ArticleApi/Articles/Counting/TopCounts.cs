using System.Buffers;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The most frequent values of a many-valued field among a set of rows, counted value by value in order of size, most
/// rows first, until no value left can enter the list: a value's count is at most its size, so once the
/// <see cref="Limit"/>th best count exceeds the next value's size, the rest are skipped. Exact, and usually only the
/// largest values are counted.
/// </summary>
internal static class TopCounts
{
    /// <summary>How many values a list keeps.</summary>
    public const int Limit = 20;

    /// <summary>
    /// A matching row's look-up of its values, in words of a bitmap: a branch and a scattered increment against an AND
    /// and a popcount.
    /// </summary>
    public const int LookupCost = 2;

    /// <summary>
    /// The <see cref="Limit"/> values of <paramref name="values"/> most frequent in <paramref name="rows"/> (the
    /// matches of a filter, of only <paramref name="terms"/> when given), as <see cref="Top"/> orders them. With each
    /// row's values (<paramref name="perRow"/>), the matching rows are counted one by one instead when that costs less
    /// than counting the values left (a filter that keeps few rows).
    /// </summary>
    public static List<FacetValue> Count(string[] names, ValueIndex values, RowSet rows, CubeTerms? terms, RowValues? perRow = null)
    {
        var counted = new List<FacetValue>();
        // The best counts so far, the lowest on top: once full, the count a value must reach to enter.
        var best = new PriorityQueue<int, int>(Limit + 1);
        var weighed = perRow is null;
        for (var i = 0; i < values.BySize.Length; i++)
        {
            var value = values.BySize[i];
            var size = values.Size(value);
            // A value as large as the lowest kept count may still tie it and win by name: it is counted.
            var least = best.Count == Limit ? best.Peek() : 1;
            if (size < least)
            {
                break;
            }

            if (!weighed && !values.CountsAtOnce(value, terms))
            {
                weighed = true;
                // A matching row costs a look-up per value it has (LookupCost).
                if (LookupCost * rows.Count * perRow!.PerRow(rows.WordCount * 64) < CostLeft(values, i, least, rows.WordCount))
                {
                    return PerRow(names, perRow, rows);
                }
            }

            var count = values.CountIn(value, rows, terms);
            if (count == 0)
            {
                continue;
            }

            counted.Add(new FacetValue(names[value], count));
            if (best.Count < Limit)
            {
                best.Enqueue(count, count);
            }
            else if (count > best.Peek())
            {
                best.DequeueEnqueue(count, count);
            }
        }

        return Top(counted);
    }

    /// <summary>
    /// Most frequent first; equal counts by value (ordinal), so the list is stable between requests and engines;
    /// values no row has are left out.
    /// </summary>
    public static List<FacetValue> Top(IEnumerable<FacetValue> counts) =>
        [.. counts.Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(Limit)];

    // What counting the values from BySize[from] on that may still enter would cost: a word per 64 rows for a value
    // with a bitmap, a look-up per row for a rare one.
    private static long CostLeft(ValueIndex values, int from, int least, int words)
    {
        var cost = 0L;
        for (var i = from; i < values.BySize.Length && values.Size(values.BySize[i]) >= least; i++)
        {
            var value = values.BySize[i];
            cost += values.Bitmap(value) is null ? values.Size(value) : words;
        }

        return cost;
    }

    // Every value's count, one matching row at a time, and the best Limit of them kept as they come: a facet of
    // thousands of providers sorted whole cost more than the counting.
    private static List<FacetValue> PerRow(string[] names, RowValues perRow, RowSet rows)
    {
        var counts = ArrayPool<int>.Shared.Rent(names.Length);
        try
        {
            Array.Clear(counts, 0, names.Length);
            perRow.CountInto(counts, rows);
            return FromCounts(names, counts);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>
    /// What counting <paramref name="matches"/> rows by <see cref="Count"/> costs at most, in words of a bitmap: every
    /// value's bitmap or rows, or a look-up per value of each matching row, whichever is less.
    /// </summary>
    public static long Cost(ValueIndex values, RowValues perRow, int matches, int words) =>
        Math.Min((long)(LookupCost * matches * perRow.PerRow(words * 64)), CostLeft(values, 0, 1, words));

    /// <summary>The best <see cref="Limit"/> values of counts indexed by id (ids past the names are not read).</summary>
    public static List<FacetValue> FromCounts(string[] names, int[] counts)
    {
        // The Limit-th highest count first, on plain integers: most of thousands of providers fall below it at one
        // compare, where ranking every value by count and name compared names at each step.
        var least = LeastKept(counts, names.Length);
        var above = new List<FacetValue>(Limit);
        // Of the values at that count, those first by name, as many as the list has room for.
        var tied = new PriorityQueue<string, string>(Limit + 1, Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
        for (var id = 0; id < names.Length; id++)
        {
            if (counts[id] > least)
            {
                above.Add(new FacetValue(names[id], counts[id]));
            }
            else if (counts[id] == least && least > 0)
            {
                tied.Enqueue(names[id], names[id]);
                if (tied.Count > Limit)
                {
                    tied.Dequeue();
                }
            }
        }

        return Top(above.Concat(tied.UnorderedItems.Select(item => new FacetValue(item.Element, least))));
    }

    // The lowest count of the Limit highest; 1 when fewer values have rows, so that every value with rows is kept.
    private static int LeastKept(int[] counts, int length)
    {
        var lowest = new PriorityQueue<int, int>(Limit + 1);
        for (var id = 0; id < length; id++)
        {
            var count = counts[id];
            if (count == 0)
            {
                continue;
            }

            if (lowest.Count < Limit)
            {
                lowest.Enqueue(count, count);
            }
            else if (count > lowest.Peek())
            {
                lowest.DequeueEnqueue(count, count);
            }
        }

        return lowest.Count < Limit ? 1 : lowest.Peek();
    }
}
