namespace ArticleApi.Articles.Counting;

/// <summary>
/// A text column of few distinct values (provider domain, type, category) as one small id per article: -1 when the
/// article has no value, else an index into <see cref="Names"/>, and the rows of each value. Names compare ordinally, as SQL's = does.
/// </summary>
internal sealed class NameColumn
{
    public const int None = -1;

    private readonly Dictionary<string, int> _ids;

    // The rows of each id, ascending, one id after another: the rows of id i are _rows[_starts[i].._starts[i + 1]].
    private readonly int[] _rows;
    private readonly int[] _starts;

    private NameColumn(int[] ids, string[] names, Dictionary<string, int> lookup)
    {
        Ids = ids;
        PerRow = RowValues.One(ids);
        Names = names;
        _ids = lookup;
        _starts = new int[names.Length + 1];
        foreach (var id in ids.Where(id => id != None))
        {
            _starts[id + 1]++;
        }

        for (var id = 0; id < names.Length; id++)
        {
            _starts[id + 1] += _starts[id];
        }

        _rows = new int[_starts[^1]];
        var next = _starts[..^1];
        for (var row = 0; row < ids.Length; row++)
        {
            if (ids[row] != None)
            {
                _rows[next[ids[row]]++] = row;
            }
        }
    }

    /// <summary>Per article, its value's id or <see cref="None"/>.</summary>
    public int[] Ids { get; }

    /// <summary><see cref="Ids"/> for counting matching rows one at a time.</summary>
    public RowValues PerRow { get; }

    public string[] Names { get; }

    /// <summary>The rows whose value is <paramref name="id"/>, ascending: a rare provider, type or category is read by its rows alone.</summary>
    public ArraySegment<int> Rows(int id) => new(_rows, _starts[id], _starts[id + 1] - _starts[id]);

    /// <summary>The id of <paramref name="name"/>, or <see cref="None"/> when no article has it.</summary>
    public int Id(string name) => _ids.GetValueOrDefault(name, None);

    /// <summary>The column with its rows renumbered: new row i is old row <paramref name="oldRows"/>[i] (<see cref="RowNumbering"/>).</summary>
    public NameColumn Reordered(int[] oldRows) => new(RowPermutation.Reorder(Ids, oldRows), Names, _ids);

    /// <summary>Collects one value per article, in row order.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];
        private readonly List<int> _rows = [];

        public void Add(string? name)
        {
            if (name is null)
            {
                _rows.Add(None);
                return;
            }

            if (!_ids.TryGetValue(name, out var id))
            {
                id = _names.Count;
                _ids.Add(name, id);
                _names.Add(name);
            }

            _rows.Add(id);
        }

        public NameColumn Build() => new([.. _rows], [.. _names], _ids);
    }
}
