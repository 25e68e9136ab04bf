namespace ArticleApi.Articles.Counting;

/// <summary>
/// Rows that hold every match of a filter, and maybe more (<see cref="MatchingRows.SmallestSource"/>): every row, a
/// set marked up front (topics, a search), or slices of row arrays (a provider's or a category's rows, a range of a
/// <see cref="RowOrder"/>). Testing its rows instead of every row bounds a filter's cost by its rarest part.
/// </summary>
internal sealed class RowSource
{
    private readonly Func<RowSet>? _marks;
    private readonly IReadOnlyList<ArraySegment<int>> _slices = [];
    private RowSet? _set;

    private RowSource(int size, bool all)
    {
        Size = size;
        IsAll = all;
    }

    public RowSource(RowSet set)
        : this(set, set.Count)
    {
    }

    /// <summary>The rows of <paramref name="set"/>, of which there are at most <paramref name="size"/> (a bound saves counting them).</summary>
    public RowSource(RowSet set, int size)
        : this(size, all: false) => _set = set;

    /// <summary>
    /// The rows of the set <paramref name="marks"/> builds when they are first read, at most <paramref name="size"/>: a
    /// caller that only weighs the source, or matches from copied columns, never pays for marking them.
    /// </summary>
    public RowSource(Func<RowSet> marks, int size)
        : this(size, all: false) => _marks = marks;

    public RowSource(IReadOnlyList<ArraySegment<int>> slices)
        : this(slices.Sum(slice => slice.Count), all: false) => _slices = slices;

    public int Size { get; }

    /// <summary>
    /// Whether every row of the source matches: the rows of the filter's only condition (<see cref="MatchingRows.SmallestSource"/>),
    /// which then need no test.
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>True for every row: a caller scans rows 0 to <see cref="Size"/> - 1 itself, in memory order.</summary>
    public bool IsAll { get; }

    public static RowSource All(int rows) => new(rows, all: true);

    /// <summary>The same rows, known to match every condition (<see cref="Exact"/>).</summary>
    public RowSource AsExact() => _set is { } set ? new RowSource(set, Size) { Exact = true }
        : _marks is { } marks ? new RowSource(marks, Size) { Exact = true }
        : new RowSource(_slices) { Exact = true };

    // The set, marked now if it was left to be marked when read.
    private RowSet? Set => _set ??= _marks?.Invoke();

    /// <summary>The rows: a set's ascending, the slices' in their order, every row ascending.</summary>
    public IEnumerable<int> Rows()
    {
        if (IsAll)
        {
            for (var row = 0; row < Size; row++)
            {
                yield return row;
            }
        }
        else if (Set is { } set)
        {
            foreach (var row in set)
            {
                yield return row;
            }
        }
        else
        {
            foreach (var slice in _slices)
            {
                for (var i = 0; i < slice.Count; i++)
                {
                    yield return slice.Array![slice.Offset + i];
                }
            }
        }
    }

    /// <summary>Marks the rows in <paramref name="set"/>: a set's by its words, the slices' one by one (not for every row).</summary>
    public void AddTo(RowSet set)
    {
        if (Set is { } own)
        {
            var to = set.Bits;
            var from = own.Read;
            for (var word = 0; word < to.Length; word++)
            {
                to[word] |= from[word];
            }

            return;
        }

        foreach (var slice in _slices)
        {
            set.AddAll(slice);
        }
    }
}
