namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of each value of a many-valued field (topic, provider, type, category) arranged for counting: the values
/// by their number of rows, most first; a bitmap of rows for each common value (held by at least one row in
/// <see cref="Rarity"/>), so that its matches are a popcount over rows / 64 words, which costs less than a look-up per
/// row of the value (a rare value's count); and for the <see cref="MaxCubes"/> largest values a <see cref="ValueCube"/>,
/// which counts the matches of the plain filters (published, quality, heat) in a few look-ups; and for each value held
/// by at most half the rows, its filter columns copied in its rows' order (<see cref="SourceColumns"/>). 1/8 byte per
/// article per common value, 3 to 7 bytes per row of a value, and up to <see cref="MaxCubes"/> cubes of about 90 KB each.
/// </summary>
internal sealed class ValueIndex
{
    /// <summary>A value with fewer rows than one in this many has no bitmap: its row list is the cheaper count.</summary>
    public const int Rarity = 128;

    /// <summary>How many of the largest values get a cube: enough for a top-20 list of a filter keeping a third of the rows.</summary>
    public const int MaxCubes = 64;

    private readonly RowsOf _rowsOf;
    private readonly ulong[]?[] _bitmaps;
    private readonly ValueCube?[] _cubes;
    private readonly SourceColumns?[] _columns;
    private readonly int[] _sizes;
    private readonly int _rows;

    public ValueIndex(int rows, int values, RowsOf rowsOf, CubeOf? cubeOf = null, ColumnsOf? columnsOf = null)
    {
        _rowsOf = rowsOf;
        _rows = rows;
        _sizes = new int[values];
        _bitmaps = new ulong[]?[values];
        _columns = new SourceColumns?[values];
        for (var value = 0; value < values; value++)
        {
            var valueRows = rowsOf(value);
            _sizes[value] = valueRows.Length;
            if (rows > 0 && (long)valueRows.Length * Rarity >= rows)
            {
                var bitmap = new ulong[(rows + 63) / 64];
                foreach (var row in valueRows)
                {
                    bitmap[row >> 6] |= 1UL << (row & 63);
                }

                _bitmaps[value] = bitmap;
            }

            // Past half the rows a pass over every row reads less than twice as much as one over the copies. A rare
            // value's rows are copied too: its rows tested one by one were a few scattered reads each.
            _columns[value] = valueRows.Length > 0 && (long)valueRows.Length * 2 <= rows ? columnsOf?.Invoke(value) : null;
        }

        BySize = [.. Enumerable.Range(0, values).OrderByDescending(value => _sizes[value])];
        _cubes = new ValueCube?[values];
        foreach (var value in BySize.Take(cubeOf is null ? 0 : MaxCubes).Where(value => _sizes[value] > 0))
        {
            _cubes[value] = cubeOf!(rowsOf(value));
        }
    }

    /// <summary>The cube of some rows.</summary>
    internal delegate ValueCube CubeOf(ReadOnlySpan<int> rows);

    /// <summary>The rows of one value, ascending.</summary>
    internal delegate ReadOnlySpan<int> RowsOf(int value);

    /// <summary>The filter columns of one value's rows.</summary>
    internal delegate SourceColumns ColumnsOf(int value);

    /// <summary>The values, most rows first: the order in which a top-N count can stop early.</summary>
    public int[] BySize { get; }

    /// <summary>Bytes held by the bitmaps, cubes and copied columns.</summary>
    public long Bytes => _bitmaps.Sum(bitmap => (bitmap?.LongLength ?? 0) * sizeof(ulong)) + _cubes.Sum(cube => cube?.Bytes ?? 0) + _columns.Sum(copy => copy?.Bytes ?? 0);

    public int Size(int value) => _sizes[value];

    /// <summary>The filter columns of <paramref name="value"/>'s rows, copied when it is common and held by at most half the rows.</summary>
    public SourceColumns? Columns(int value) => _columns[value];

    /// <summary>
    /// Whether <see cref="CountIn"/> counts <paramref name="value"/> without a pass over the rows: from its cube, in a
    /// few look-ups, or as the matches' own count when every row has the value.
    /// </summary>
    public bool CountsAtOnce(int value, CubeTerms? terms) => _sizes[value] == _rows || (terms is not null && _cubes[value] is not null);

    /// <summary>
    /// How many rows of <paramref name="value"/> are in <paramref name="rows"/>, the matches of a filter: all of them
    /// when every row has the value (a type every article has); from the value's cube when the filter has only
    /// <paramref name="terms"/> for one.
    /// </summary>
    public int CountIn(int value, RowSet rows, CubeTerms? terms) =>
        _sizes[value] == _rows ? rows.Count
        : terms is { } plain && _cubes[value] is { } cube ? cube.Count(plain)
        : _bitmaps[value] is { } bitmap ? rows.CountAnd(bitmap)
        : rows.CountOf(_rowsOf(value));

    /// <summary>
    /// Marks the rows of <paramref name="value"/> in <paramref name="words"/>: OR with its bitmap when it has one, one
    /// bit per row otherwise.
    /// </summary>
    public void AddTo(int value, Span<ulong> words)
    {
        if (_bitmaps[value] is { } bitmap)
        {
            for (var i = 0; i < words.Length; i++)
            {
                words[i] |= bitmap[i];
            }

            return;
        }

        foreach (var row in _rowsOf(value))
        {
            words[row >> 6] |= 1UL << (row & 63);
        }
    }

    /// <summary>The bitmap of <paramref name="value"/>, or null when it is rare.</summary>
    public ulong[]? Bitmap(int value) => _bitmaps[value];
}
