namespace ArticleApi.Articles.Counting;

/// <summary>
/// An integer column (quality, heat) as the rank of each article's value among the distinct values, -1 when it has
/// none. A range filter becomes a range of ranks found once per request (two binary searches), and a count per value
/// is an array indexed by rank, whatever the values are.
/// </summary>
internal sealed class ValueColumn
{
    public const int None = -1;

    private ValueColumn(int[] ranks, int[] values)
    {
        Ranks = ranks;
        Values = values;
    }

    /// <summary>Per article, the index of its value in <see cref="Values"/>, or <see cref="None"/>.</summary>
    public int[] Ranks { get; }

    /// <summary>The distinct values, ascending.</summary>
    public int[] Values { get; }

    /// <summary>The value of <paramref name="row"/>, or null when it has none.</summary>
    public int? ValueOf(int row) => Ranks[row] is var rank and not None ? Values[rank] : null;

    /// <summary>The column with its rows renumbered: new row i is old row <paramref name="oldRows"/>[i] (<see cref="RowNumbering"/>).</summary>
    public ValueColumn Reordered(int[] oldRows) => new(RowPermutation.Reorder(Ranks, oldRows), Values);

    /// <summary>From one value per article (null for none), in row order.</summary>
    public static ValueColumn Build(List<int?> values)
    {
        var distinct = values.Where(v => v.HasValue).Select(v => v!.Value).Distinct().Order().ToArray();
        var ranks = new int[values.Count];
        for (var row = 0; row < values.Count; row++)
        {
            ranks[row] = values[row] is { } value ? Array.BinarySearch(distinct, value) : None;
        }

        return new ValueColumn(ranks, distinct);
    }

    /// <summary>
    /// The ranks whose values lie within [<paramref name="min"/>, <paramref name="max"/>] (either end open when null),
    /// as an inclusive range: empty (<c>Last &lt; First</c>) when none does.
    /// </summary>
    public (int First, int Last) RankRange(int? min, int? max) =>
        (min is { } low ? FirstAbove(low, inclusive: true) : 0, max is { } high ? FirstAbove(high, inclusive: false) - 1 : Values.Length - 1);

    // The first rank whose value is at least (inclusive) or above value; Values.Length when there is none.
    private int FirstAbove(int value, bool inclusive)
    {
        var index = Array.BinarySearch(Values, value);
        return index < 0 ? ~index : inclusive ? index : index + 1;
    }
}
