namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of <see cref="ArticleColumns"/> by article key: the keys ascending, each beside its row. The rows are
/// numbered in date order (<see cref="RowNumbering"/>), so their keys are in no order; a cursor's key and a search's
/// matching keys find their rows here by binary search, or a search's keys, which mostly come ascending, by a walk
/// beside <see cref="Keys"/>. 12 bytes per article.
/// </summary>
internal sealed class KeyRows
{
    private KeyRows(long[] keys, int[] rows) => (Keys, Rows) = (keys, rows);

    /// <summary>Every row's key, ascending.</summary>
    public long[] Keys { get; }

    /// <summary>The row of <see cref="Keys"/>[i] at index i.</summary>
    public int[] Rows { get; }

    /// <summary>The keys of <paramref name="rowKeys"/> (row r's key at index r) ascending, with their rows.</summary>
    public static KeyRows Of(long[] rowKeys)
    {
        var keys = rowKeys.ToArray();
        var rows = new int[keys.Length];
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row] = row;
        }

        Array.Sort(keys, rows);
        return new KeyRows(keys, rows);
    }

    /// <summary>The row of <paramref name="key"/>, or -1 when no article has it.</summary>
    public int RowOf(long key) => Array.BinarySearch(Keys, key) is var at and >= 0 ? Rows[at] : -1;
}
