namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of <see cref="ArticleColumns"/> numbered in date order, oldest first (the ascending list order of
/// <see cref="OrderField.PublishedAt"/>), rather than in the key order they are read in: a date range is then a run of
/// rows, whose matches are whole words of a set, built a word at a time (<see cref="FilterMatches"/>), where rows in
/// key order were found one by one and marked at scattered places; and a list in date order walks its rows in memory
/// order. <see cref="KeyRows"/> finds a key's row.
/// </summary>
internal static class RowNumbering
{
    /// <summary>The same articles, row i of the result being the row <see cref="ByDate"/> puts at i.</summary>
    public static ArticleColumns InDateOrder(ArticleColumns columns)
    {
        var oldRows = ByDate(columns);
        return new ArticleColumns
        {
            Keys = RowPermutation.Reorder(columns.Keys, oldRows),
            Published = RowPermutation.Reorder(columns.Published, oldRows),
            Quality = columns.Quality.Reordered(oldRows),
            Heat = columns.Heat.Reordered(oldRows),
            Provider = columns.Provider.Reordered(oldRows),
            Type = columns.Type.Reordered(oldRows),
            Category = columns.Category.Reordered(oldRows),
            PublishedAt = RowPermutation.Reorder(columns.PublishedAt, oldRows),
            Month = columns.Month.Reordered(oldRows),
            Topics = columns.Topics.Reordered(RowPermutation.NewRows(oldRows)),
            IdRanks = RowPermutation.Reorder(columns.IdRanks, oldRows),
        };
    }

    /// <summary>
    /// For each new row, the old row it was: the rows in the list order of <see cref="OrderField.PublishedAt"/>,
    /// ascending (undated first, then by instant, then by id).
    /// </summary>
    public static int[] ByDate(ArticleColumns columns)
    {
        var positions = new RowPosition[columns.Count];
        var rows = new int[columns.Count];
        for (var row = 0; row < rows.Length; row++)
        {
            positions[row] = columns.Position(OrderField.PublishedAt, row);
            rows[row] = row;
        }

        Array.Sort(positions, rows);
        return rows;
    }
}
