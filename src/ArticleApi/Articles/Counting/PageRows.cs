namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of one page of a filtered list, in its order, from the columns alone: any filter with any sort costs at
/// most two passes over the filter's smallest source of rows (<see cref="MatchingRows.SmallestSource"/>), whatever
/// indexes the database has. It walks the <see cref="RowOrder"/> from the cursor and tests each row, as an index walk
/// would, for at most as many rows as that source holds; a filter whose matches are too rare or too far along the
/// order for that then tests the source's rows instead and keeps the best ones.
/// </summary>
internal static class PageRows
{
    /// <summary>
    /// Up to <paramref name="count"/> matching rows, those right after <paramref name="after"/> (from the start when
    /// null) in the order of <paramref name="field"/>, walked backwards when <paramref name="descending"/>.
    /// </summary>
    public static List<int> Find(ArticleColumns columns, ColumnFilter filter, OrderField field, bool descending, RowPosition? after, int count)
    {
        var order = columns.Order(field);
        using var test = MatchingRows.For(columns, filter);
        var source = test.SmallestSource();
        var page = new List<int>(count);
        var rows = order.Rows;
        // A range on the sort's own field is a slice of the order: the walk never leaves it, as an index seek would not.
        var (first, end) = Span(order, filter);
        var index = after is not { } position ? (descending ? end - 1 : first)
            : descending ? Math.Min(order.IndexOf(position, after: false), end) - 1
            : Math.Max(order.IndexOf(position, after: true), first);
        var step = descending ? -1 : 1;
        for (var budget = source.Size; index >= first && index < end && budget > 0 && page.Count < count; index += step, budget--)
        {
            if (test.Matches(rows[index]))
            {
                page.Add(rows[index]);
            }
        }

        var walkedToTheEnd = index < first || index >= end;
        return page.Count == count || walkedToTheEnd ? page : Best(order, test, source, descending, after, count);
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

    // The first count matching rows of the source past the cursor, in the list's order: a heap keeps the count best so far.
    private static List<int> Best(RowOrder order, MatchingRows test, RowSource source, bool descending, RowPosition? after, int count)
    {
        // The heap's top is the worst row kept: the last in the list's order.
        var worstFirst = Comparer<RowPosition>.Create((x, y) => descending ? x.CompareTo(y) : y.CompareTo(x));
        var kept = new PriorityQueue<int, RowPosition>(count + 1, worstFirst);
        foreach (var row in source.Rows())
        {
            if (!test.Matches(row))
            {
                continue;
            }

            var position = order.Position(row);
            if (after is { } cursor && (descending ? position.CompareTo(cursor) >= 0 : position.CompareTo(cursor) <= 0))
            {
                continue;
            }

            if (kept.Count < count)
            {
                kept.Enqueue(row, position);
            }
            else if (kept.TryPeek(out _, out var worst) && worstFirst.Compare(position, worst) > 0)
            {
                kept.DequeueEnqueue(row, position);
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
