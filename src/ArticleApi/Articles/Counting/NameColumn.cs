namespace ArticleApi.Articles.Counting;

/// <summary>
/// A text column of few distinct values (provider domain, type, category) as one small id per article: -1 when the
/// article has no value, else an index into <see cref="Names"/>. Names compare ordinally, as SQL's = does.
/// </summary>
internal sealed class NameColumn
{
    public const int None = -1;

    private readonly Dictionary<string, int> _ids;

    private NameColumn(int[] ids, string[] names, Dictionary<string, int> lookup)
    {
        Ids = ids;
        Names = names;
        _ids = lookup;
    }

    /// <summary>Per article, its value's id or <see cref="None"/>.</summary>
    public int[] Ids { get; }

    public string[] Names { get; }

    /// <summary>The id of <paramref name="name"/>, or <see cref="None"/> when no article has it.</summary>
    public int Id(string name) => _ids.GetValueOrDefault(name, None);

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
