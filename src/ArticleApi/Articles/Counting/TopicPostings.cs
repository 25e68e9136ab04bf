namespace ArticleApi.Articles.Counting;

/// <summary>
/// For each topic slug, the rows of the articles naming it, ascending: a topic filter marks its rows without looking
/// at the others, and a topic facet counts, per topic, how many of its rows match. Also each row's topics, for a
/// topic facet over few matching rows, which costs less counted row by row than topic by topic (4 bytes per link
/// and per row).
/// </summary>
internal sealed class TopicPostings
{
    private readonly Dictionary<string, int> _ids;
    private readonly int[] _starts;
    private readonly int[] _rows;

    private TopicPostings(string[] slugs, Dictionary<string, int> ids, int[] starts, int[] rows)
    {
        Slugs = slugs;
        _ids = ids;
        _starts = starts;
        _rows = rows;
        PerRow = RowValues.Invert(starts, rows);
    }

    /// <summary>Each row's topic ids.</summary>
    public RowValues PerRow { get; }

    public string[] Slugs { get; }

    /// <summary>Links from articles to topics in all.</summary>
    public int LinkCount => _rows.Length;

    /// <summary>The rows naming <paramref name="slug"/> (none for an unknown slug).</summary>
    public ReadOnlySpan<int> Rows(string slug) => _ids.TryGetValue(slug, out var id) ? Rows(id) : [];

    /// <summary>The id of <paramref name="slug"/>, or -1 when no article names it.</summary>
    public int Id(string slug) => _ids.GetValueOrDefault(slug, -1);

    public ReadOnlySpan<int> Rows(int id) => Segment(id);

    /// <summary>The rows of topic <paramref name="id"/>, ascending, as a part of one array.</summary>
    public ArraySegment<int> Segment(int id) => new(_rows, _starts[id], _starts[id + 1] - _starts[id]);

    /// <summary>
    /// The postings with their rows renumbered: old row r is new row <paramref name="newRows"/>[r]
    /// (<see cref="RowNumbering"/>); each topic's rows ascending again.
    /// </summary>
    public TopicPostings Reordered(int[] newRows)
    {
        var rows = new int[_rows.Length];
        for (var link = 0; link < rows.Length; link++)
        {
            rows[link] = newRows[_rows[link]];
        }

        for (var id = 0; id < Slugs.Length; id++)
        {
            Array.Sort(rows, _starts[id], _starts[id + 1] - _starts[id]);
        }

        return new TopicPostings(Slugs, _ids, _starts, rows);
    }

    /// <summary>Collects each article's topic slugs, rows in ascending order.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<List<int>> _rows = [];

        public void Add(int row, ReadOnlySpan<char> slug)
        {
            // Looked up by span: a string is made only for a slug seen for the first time.
            if (!_ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(slug, out var id))
            {
                id = _rows.Count;
                _ids.Add(slug.ToString(), id);
                _rows.Add([]);
            }

            // Rows arrive in ascending order; an article naming a slug twice is counted once, as its links are.
            var rows = _rows[id];
            if (rows.Count == 0 || rows[^1] != row)
            {
                rows.Add(row);
            }
        }

        public TopicPostings Build()
        {
            var starts = new int[_rows.Count + 1];
            for (var id = 0; id < _rows.Count; id++)
            {
                starts[id + 1] = starts[id] + _rows[id].Count;
            }

            var rows = new int[starts[^1]];
            for (var id = 0; id < _rows.Count; id++)
            {
                _rows[id].CopyTo(rows, starts[id]);
            }

            var slugs = new string[_ids.Count];
            foreach (var (slug, id) in _ids)
            {
                slugs[id] = slug;
            }

            return new TopicPostings(slugs, _ids, starts, rows);
        }
    }
}
