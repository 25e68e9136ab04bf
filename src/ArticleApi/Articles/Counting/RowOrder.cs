namespace ArticleApi.Articles.Counting;

/// <summary>
/// Every row of the articles' columns in one list order, ascending (<see cref="RowPosition"/>): a page is a
/// walk from the cursor's place, forwards or backwards, and the rows whose value lies in a range are one slice of it.
/// The in-memory twin of the sort indexes, 8 bytes per article: the rows in order, and each row's index in them.
/// </summary>
internal sealed class RowOrder
{
    /// <summary>
    /// Rows between two entries of the fence: a search for a position reads the fence, one contiguous array, then at
    /// most this many rows' positions, where every step of a search over all the rows read a row number and three or
    /// four columns elsewhere in memory, a cache miss each: for a million rows, 20 such steps became 16 steps in the
    /// fence (a miss at most each, the first ones cached) and 4 among the rows.
    /// </summary>
    internal const int FenceStep = 16;

    private readonly Func<int, RowPosition> _position;

    private readonly int[] _indexes;

    // The position of every FenceStep-th row of Rows, from the first: 2 MB for a million rows.
    private readonly RowPosition[] _fence;

    private RowOrder(OrderField field, int[] rows, Func<int, RowPosition> position, RowPosition[] sorted)
    {
        Field = field;
        Rows = rows;
        _position = position;
        _fence = new RowPosition[(rows.Length + FenceStep - 1) / FenceStep];
        for (var entry = 0; entry < _fence.Length; entry++)
        {
            _fence[entry] = sorted[entry * FenceStep];
        }

        _indexes = new int[rows.Length];
        InRowOrder = true;
        for (var index = 0; index < rows.Length; index++)
        {
            _indexes[rows[index]] = index;
            InRowOrder &= rows[index] == index;
        }
    }

    public OrderField Field { get; }

    /// <summary>Row numbers, ascending by position.</summary>
    public int[] Rows { get; }

    /// <summary>Whether <see cref="Rows"/> lists the rows in their own order: a slice is then rows [offset, offset + count).</summary>
    public bool InRowOrder { get; }

    /// <summary>Rows 0 to <paramref name="count"/> - 1 sorted by <paramref name="position"/>.</summary>
    public static RowOrder Build(int count, OrderField field, Func<int, RowPosition> position)
    {
        var rows = new int[count];
        var positions = new RowPosition[count];
        for (var row = 0; row < count; row++)
        {
            rows[row] = row;
            positions[row] = position(row);
        }

        Array.Sort(positions, rows);
        return new RowOrder(field, rows, position, positions);
    }

    public RowPosition Position(int row) => _position(row);

    /// <summary>Where <paramref name="row"/> stands in <see cref="Rows"/>: one read, where its position reads three or four columns.</summary>
    public int IndexOfRow(int row) => _indexes[row];
    /// <summary>The index in <see cref="Rows"/> of the first row at or past <paramref name="position"/> (after it when <paramref name="after"/>).</summary>
    public int IndexOf(RowPosition position, bool after)
    {
        // The first fence entry at or past the position: the row it names is at or past it, the one before is not.
        var (entry, entries) = (0, _fence.Length);
        while (entry < entries)
        {
            var middle = entry + ((entries - entry) / 2);
            if (Before(_fence[middle], position, after))
            {
                entry = middle + 1;
            }
            else
            {
                entries = middle;
            }
        }

        var (low, high) = (entry == 0 ? 0 : ((entry - 1) * FenceStep) + 1, Math.Min(Rows.Length, entry * FenceStep));
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Before(Position(Rows[middle]), position, after))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Whether a row at position `row` comes before the index IndexOf looks for (before `position`, or at it when `after`).
    private static bool Before(RowPosition row, RowPosition position, bool after)
    {
        var order = row.CompareTo(position);
        return order < 0 || (after && order == 0);
    }

    /// <summary>
    /// The slice of <see cref="Rows"/> whose values lie in [<paramref name="low"/>, <paramref name="high"/>]: rows
    /// without a value are never in it. For quality and heat the bounds are values, for the date Unix milliseconds.
    /// </summary>
    public ArraySegment<int> Slice(long low, long high)
    {
        var first = IndexOf(new RowPosition(true, low, long.MinValue, int.MinValue), after: false);
        var end = IndexOf(new RowPosition(true, high, long.MaxValue, int.MaxValue), after: true);
        return new ArraySegment<int>(Rows, first, Math.Max(0, end - first));
    }
}
