namespace ArticleApi.Articles.Counting;

/// <summary>
/// One request's filter over one version's columns, and its match set built at most once: a page that walks past
/// its first rows (<see cref="PageRows"/>) and the request's total or facets need the same set, and building it is a
/// pass over every word of every condition. Owns the set, and the search's rows when given them to own.
/// </summary>
internal sealed class MatchSet(ArticleColumns columns, ColumnFilter filter, bool ownsSearchRows = false) : IDisposable
{
    private readonly ColumnFilter _filter = filter.On(columns.Type, columns.Category);
    private RowSet? _rows;
    private MatchingRows? _test;

    public ArticleColumns Columns => columns;

    /// <summary>The filter given, without the conditions every article of these columns meets (<see cref="ColumnFilter.On"/>).</summary>
    public ColumnFilter Filter => _filter;

    /// <summary>
    /// Whether the request counts <see cref="Rows"/> whatever its page needs (facets, or a total no cube gives): its page
    /// then comes from the set, a bit per row, instead of testing rows' columns one by one before building it anyway.
    /// </summary>
    public bool RowsWanted { get; set; }

    /// <summary>
    /// Whether the request counts facets over <see cref="Rows"/>: a set read from copied columns then keeps where its
    /// rows were found (<see cref="RowSet.Positions"/>), which only facets read.
    /// </summary>
    public bool FacetsWanted { get; set; }

    /// <summary>The test of <see cref="Filter"/> on single rows, built on first use: the page's walk and the set share it.</summary>
    public MatchingRows Test => _test ??= MatchingRows.For(columns, _filter);

    /// <summary>The rows matching <see cref="Filter"/>, built on first use.</summary>
    public RowSet Rows => _rows ??= FilterMatches.Select(columns, _filter, Test, FacetsWanted);

    public void Dispose()
    {
        _rows?.Dispose();
        _test?.Dispose();
        if (ownsSearchRows)
        {
            _filter.SearchRows?.Dispose();
        }
    }
}
