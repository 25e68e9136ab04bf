namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of one page of a filtered list, in its order, from the columns alone, whatever indexes the database has.
/// It walks the <see cref="RowOrder"/> from the cursor and tests each row, as an index walk would, for a few thousand
/// rows at most. Past that, a filter with a small source of rows (<see cref="MatchingRows.SmallestSource"/>) ranks
/// that source's matching rows and keeps the best ones; any other builds its whole match set 64 rows at a time
/// (<see cref="FilterMatches"/>) and walks on testing one bit per row, or ranks the matches when they lie too far along.
/// A request whose counts build the whole match set anyway (<see cref="MatchSet.RowsWanted"/>) skips the first walk.
/// </summary>
internal static class PageRows
{
    /// <summary>
    /// Rows tested one by one before the match set is built: a page of common matches is found within them and never
    /// pays for the set, which costs a pass over every row's word.
    /// </summary>
    private const int TestedWalk = 4096;

    /// <summary>
    /// Rows of a <see cref="ProjectedSource"/> whose matching costs about as much as one row tested on its own: a few
    /// contiguous bytes against a few scattered reads.
    /// </summary>
    private const int CopiedRowsPerWalkedRow = 128;

    /// <summary>
    /// Up to <paramref name="count"/> matching rows, those right after <paramref name="after"/> (from the start when
    /// null) in the order of <paramref name="field"/>, walked backwards when <paramref name="descending"/>.
    /// </summary>
    public static List<int> Find(ArticleColumns columns, ColumnFilter filter, OrderField field, bool descending, RowPosition? after, int count, bool rowsWanted = false)
    {
        using var set = new MatchSet(columns, filter) { RowsWanted = rowsWanted };
        return Find(set, field, descending, after, count);
    }

    /// <summary><see cref="Find(ArticleColumns, ColumnFilter, OrderField, bool, RowPosition?, int, bool)"/> with the request's match set, built here or kept from here for its counts.</summary>
    public static List<int> Find(MatchSet set, OrderField field, bool descending, RowPosition? after, int count)
    {
        var (columns, filter) = (set.Columns, set.Filter);
        var order = columns.Order(field);
        var test = set.Test;
        var source = test.SmallestSource();
        var page = new List<int>(count);
        var rows = order.Rows;
        // A range on the sort's own field is a slice of the order: the walk never leaves it, as an index seek would not.
        var (first, end) = Span(order, filter);
        var index = after is not { } position ? (descending ? end - 1 : first)
            : descending ? Math.Min(order.IndexOf(position, after: false), end) - 1
            : Math.Max(order.IndexOf(position, after: true), first);
        var step = descending ? -1 : 1;
        // Common matches fill a page within a few rows, each tested on its own (a few column reads, often cache misses).
        // A row tested on its columns costs a few scattered reads, about as much as matching 128 rows of a source with
        // copied columns: past that budget the whole match set is the cheaper way on. A test of bitmaps alone is cheap.
        var walk = test.ReadsColumns && test.Projected is { } projected
            ? Math.Max(count, projected.Size / CopiedRowsPerWalkedRow) : TestedWalk;
        var tested = Math.Min(source.Size, Math.Min(walk, TestedWalk));
        // A walk meets a row of the source about once in rows / source size: when it would not meet a page of them, a
        // small source's own rows ranked (Best) find the page for less (a provider of 268 rows among a million).
        if (source.Size <= TestedWalk && (long)tested * source.Size < (long)count * rows.Length)
        {
            tested = 0;
        }

        // The request's counts build the whole match set anyway: the page costs a bit per row of it.
        var fromSet = set.RowsWanted && !source.Exact;
        if (fromSet)
        {
            tested = 0;
        }

        for (; index >= first && index < end && tested > 0 && page.Count < count; index += step, tested--)
        {
            if (test.Matches(rows[index]))
            {
                page.Add(rows[index]);
            }
        }

        if (page.Count == count || index < first || index >= end)
        {
            return page;
        }

        if (source.Size <= TestedWalk && !fromSet)
        {
            return Best(order, source.Exact ? null : test, source, descending, after, count);
        }

        // Rare or distant matches: all of them at once, 64 rows a word (FilterMatches), then the walk goes on at one bit
        // per row; when they are too far along for that, their rows are ranked instead.
        var matches = set.Rows;
        for (var budget = 16L * matches.Count; index >= first && index < end && budget > 0 && page.Count < count; index += step, budget--)
        {
            if (matches.Contains(rows[index]))
            {
                page.Add(rows[index]);
            }
        }

        // Every row of the match set matches: ranked without a test.
        return page.Count == count || index < first || index >= end ? page : Best(order, null, new RowSource(matches), descending, after, count);
    }

    // The part of the order a range on its field leaves: [first, end) of its rows.
    private static (int First, int End) Span(RowOrder order, ColumnFilter filter)
    {
        if (filter.Range(order.Field) is not { } range)
        {
            return (0, order.Rows.Length);
        }

        var slice = order.Slice(range.Low, range.High);
        return (slice.Offset, slice.Offset + slice.Count);
    }

    // The first count matching rows of the source past the cursor, in the list's order: a heap keeps the count best so
    // far. Rows are compared by their index in the order (a read of one array), the cursor by the index it falls at.
    // Without a test, every row of the source matches.
    private static List<int> Best(RowOrder order, MatchingRows? test, RowSource source, bool descending, RowPosition? after, int count)
    {
        // Descending, the rows before the cursor's index; ascending, those from the first index past it.
        var (low, high) = after is not { } cursor ? (0, order.Rows.Length)
            : descending ? (0, order.IndexOf(cursor, after: false)) : (order.IndexOf(cursor, after: true), order.Rows.Length);
        // The heap's top is the worst row kept: the last in the list's order.
        var kept = new PriorityQueue<int, int>(count + 1, descending ? Comparer<int>.Default : Comparer<int>.Create((x, y) => y.CompareTo(x)));
        foreach (var row in source.Rows())
        {
            if (test is not null && !test.Matches(row))
            {
                continue;
            }

            var index = order.IndexOfRow(row);
            if (index < low || index >= high)
            {
                continue;
            }

            if (kept.Count < count)
            {
                kept.Enqueue(row, index);
            }
            else if (kept.TryPeek(out _, out var worst) && (descending ? index > worst : index < worst))
            {
                kept.DequeueEnqueue(row, index);
            }
        }

        var page = new List<int>(kept.Count);
        while (kept.TryDequeue(out var row, out _))
        {
            page.Add(row);
        }

        page.Reverse();
        return page;
    }
}
