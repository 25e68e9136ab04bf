namespace ArticleApi.Articles.Counting;

/// <summary>
/// Rows renumbered: new row i is old row <c>oldRows[i]</c> (<see cref="RowNumbering"/> numbers them in date order).
/// </summary>
internal static class RowPermutation
{
    /// <summary>The values in the new order: the value of old row <paramref name="oldRows"/>[i] at index i.</summary>
    public static T[] Reorder<T>(T[] values, int[] oldRows)
    {
        var reordered = new T[oldRows.Length];
        for (var row = 0; row < oldRows.Length; row++)
        {
            reordered[row] = values[oldRows[row]];
        }

        return reordered;
    }

    /// <summary>The new number of each old row: the inverse of <paramref name="oldRows"/>.</summary>
    public static int[] NewRows(int[] oldRows)
    {
        var newRows = new int[oldRows.Length];
        for (var row = 0; row < oldRows.Length; row++)
        {
            newRows[oldRows[row]] = row;
        }

        return newRows;
    }
}
