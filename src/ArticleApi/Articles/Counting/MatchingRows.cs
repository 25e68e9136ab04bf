using System.Runtime.CompilerServices;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The rows of <see cref="ArticleColumns"/> a <see cref="ColumnFilter"/> keeps. Topic groups, a search, providers,
/// type, category and ranges each name rows known up front; the smallest of them gives the candidates (a small topic
/// looks at its own rows only), else every row is a candidate, and each candidate is tested against every condition.
/// </summary>
internal sealed class MatchingRows : IDisposable
{
    private readonly ArticleColumns _columns;
    private readonly ColumnFilter _filter;
    // A topic group's rows, marked when first needed: a group the matches are read from the copied columns of (a
    // topic's own rows) is never tested row by row, and marking it cost a pass over its rows and a cleared bitmap of
    // every row.
    private readonly RowSet?[] _topicSets;
    private readonly RowSet? _excludedTopics;
    private readonly bool[][] _providerGroups;
    private readonly bool[]? _excludedProviders;
    private readonly (int First, int Last)? _quality;
    private readonly (int First, int Last)? _heat;
    private readonly long _from;
    private readonly long _to;
    private readonly int _type;
    private readonly int _category;
    private StrongBox<ProjectedSource?>? _projected;
    private RowSource? _smallest;
    private RowSet[]? _required;

    private MatchingRows(ArticleColumns columns, ColumnFilter filter)
    {
        _columns = columns;
        _filter = filter;
        _topicSets = new RowSet?[filter.TopicGroups.Count];
        _excludedTopics = filter.ExcludedTopics.Count > 0 ? TopicRows(columns, [.. filter.ExcludedTopics]) : null;
        _providerGroups = [.. filter.ProviderGroups.Select(group => Marks(columns.Provider, group))];
        _excludedProviders = filter.ExcludedProviders.Count > 0 ? Marks(columns.Provider, filter.ExcludedProviders) : null;
        _quality = filter.QualityRanks(columns.Quality);
        _heat = filter.HeatRanks(columns.Heat);
        _from = filter.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        _to = filter.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        // An unknown name matches no article: NameColumn.None is the id of "no value", never asked for.
        _type = filter.Type is { } type ? columns.Type.Id(type) : NameColumn.None;
        _category = filter.Category is { } category ? columns.Category.Id(category) : NameColumn.None;
    }

    /// <summary>The test of <paramref name="filter"/>'s conditions on single rows; the caller disposes it.</summary>
    public static MatchingRows For(ArticleColumns columns, ColumnFilter filter) => new(columns, filter);

    /// <summary>How many sets every match is among (<see cref="Required"/>).</summary>
    public int RequiredCount => _topicSets.Length + (_filter.SearchRows is null ? 0 : 1);

    /// <summary>Set <paramref name="index"/> of those every match is among: the topic groups' in the filter's order, then the search's.</summary>
    public RowSet Required(int index) =>
        index < _topicSets.Length ? _topicSets[index] ??= TopicRows(_columns, _filter.TopicGroups[index]) : _filter.SearchRows!;

    /// <summary>How many topic groups' rows are marked so far (the others were never read).</summary>
    internal int MarkedTopicGroups => _topicSets.Count(set => set is not null);

    /// <summary>
    /// The smallest source of the filter with copied columns (<see cref="ProjectedSource.Smallest"/>), chosen once for
    /// the page's walk and the match set.
    /// </summary>
    public ProjectedSource? Projected => (_projected ??= new(ProjectedSource.Smallest(_columns, _filter))).Value;

    /// <summary>
    /// Whether <see cref="Matches"/> reads a row's columns (published, quality, heat, date, type, category or
    /// provider), each read likely a cache miss when rows come in a sort's order, and not only bitmaps.
    /// </summary>
    public bool ReadsColumns =>
        _filter.Published is not null || _quality is not null || _heat is not null || _filter.From is not null || _filter.To is not null
        || _filter.Type is not null || _filter.Category is not null || _providerGroups.Length > 0 || _excludedProviders is not null;

    /// <summary>Rows no match is among: the excluded topics'.</summary>
    public RowSet? ExcludedTopicRows => _excludedTopics;

    /// <summary>
    /// The fewest rows known to hold every match: the smallest of the topic groups, the search's matches, each
    /// provider group's rows, the type's or category's rows, and the slices of the quality, heat and date ranges;
    /// every row when the filter has none of those. Chosen once: the page's walk and the match set both ask.
    /// </summary>
    public RowSource SmallestSource() => _smallest ??= ChooseSource();

    private RowSource ChooseSource()
    {
        var c = _columns;
        // A topic group's size is bounded by its topics' sizes (exact for one topic): counting its set is a pass over
        // every word. Its rows are marked only if read.
        var sources = Enumerable.Range(0, RequiredCount).Select(i => i < _topicSets.Length
            ? new RowSource(() => Required(i), TopicsSize(c, _filter.TopicGroups[i])) : new RowSource(Required(i))).ToList();
        sources.AddRange(_filter.ProviderGroups.Select(group =>
            new RowSource([.. group.Distinct(StringComparer.Ordinal).Select(c.Provider.Id).Where(id => id != NameColumn.None).Select(c.Provider.Rows)])));
        if (_filter.Type is not null)
        {
            sources.Add(new RowSource(_type == NameColumn.None ? [] : [c.Type.Rows(_type)]));
        }

        if (_filter.Category is not null)
        {
            sources.Add(new RowSource(_category == NameColumn.None ? [] : [c.Category.Rows(_category)]));
        }

        // The sources so far hold exactly the rows of their condition; a filter with that one condition alone needs no test.
        if (sources.Count == 1 && ConditionCount() == 1)
        {
            return sources[0].AsExact();
        }

        foreach (var field in (ReadOnlySpan<OrderField>)[OrderField.Quality, OrderField.Heat, OrderField.PublishedAt])
        {
            if (_filter.Range(field) is { } range)
            {
                sources.Add(new RowSource([c.Order(field).Slice(range.Low, range.High)]));
            }
        }

        return sources.MinBy(source => source.Size) ?? RowSource.All(c.Count);
    }

    // How many conditions the filter has: each topic group, the search, the excluded topics, each provider group, the
    // excluded providers, published, each range (quality, heat, dates), the type and the category.
    private int ConditionCount() =>
        RequiredCount + (_excludedTopics is null ? 0 : 1) + _providerGroups.Length + (_excludedProviders is null ? 0 : 1)
        + (_filter.Published is null ? 0 : 1) + (_quality is null ? 0 : 1) + (_heat is null ? 0 : 1)
        + (_filter.From is null && _filter.To is null ? 0 : 1) + (_filter.Type is null ? 0 : 1) + (_filter.Category is null ? 0 : 1);

    public void Dispose()
    {
        // The search's rows are the filter's (ColumnFilter.SearchRows); the topic sets are this test's own.
        foreach (var set in _topicSets)
        {
            set?.Dispose();
        }

        _excludedTopics?.Dispose();
    }

    private static RowSet TopicRows(ArticleColumns columns, string[] slugs)
    {
        var rows = new RowSet(columns.Count);
        foreach (var slug in slugs)
        {
            if (columns.Topics.Id(slug) is var id and >= 0)
            {
                columns.Counting.Topics.AddTo(id, rows.Bits);
            }
        }

        return rows;
    }

    // The rows of the group's topics, a row counted once per topic of the group it has.
    private static int TopicsSize(ArticleColumns columns, string[] slugs) =>
        (int)Math.Min(columns.Count, slugs.Distinct(StringComparer.Ordinal).Sum(slug => (long)columns.Topics.Rows(slug).Length));

    // One flag per provider id: true for the ids of the domains named (unknown domains name none).
    private static bool[] Marks(NameColumn column, IEnumerable<string> names)
    {
        var marks = new bool[column.Names.Length];
        foreach (var id in names.Select(column.Id).Where(id => id != NameColumn.None))
        {
            marks[id] = true;
        }

        return marks;
    }

    /// <summary>Whether <paramref name="row"/> meets every condition of the filter.</summary>
    public bool Matches(int row)
    {
        var c = _columns;
        if (_filter.Published is { } published && c.Published[row] != (published ? 1 : 0))
        {
            return false;
        }

        if (_quality is { } quality && !InRange(c.Quality.Ranks[row], quality))
        {
            return false;
        }

        if (_heat is { } heat && !InRange(c.Heat.Ranks[row], heat))
        {
            return false;
        }

        if ((_filter.From is not null || _filter.To is not null)
            && (c.Month.Ranks[row] == ValueColumn.None || c.PublishedAt[row] < _from || c.PublishedAt[row] > _to))
        {
            return false;
        }

        if ((_filter.Type is not null && (_type == NameColumn.None || c.Type.Ids[row] != _type))
            || (_filter.Category is not null && (_category == NameColumn.None || c.Category.Ids[row] != _category)))
        {
            return false;
        }

        // Read only when a condition needs it: rows are often visited in a sort's order, where each read is a cache miss.
        var provider = _providerGroups.Length > 0 || _excludedProviders is not null ? c.Provider.Ids[row] : NameColumn.None;
        foreach (var group in _providerGroups)
        {
            if (provider == NameColumn.None || !group[provider])
            {
                return false;
            }
        }

        if (_excludedProviders is { } excluded && provider != NameColumn.None && excluded[provider])
        {
            return false;
        }

        foreach (var set in _required ??= [.. Enumerable.Range(0, RequiredCount).Select(Required)])
        {
            if (!set.Contains(row))
            {
                return false;
            }
        }

        return _excludedTopics is not { } excludedTopics || !excludedTopics.Contains(row);
    }

    // A missing value (rank -1) lies in no range: the empty range of an impossible filter is First > Last.
    private static bool InRange(int rank, (int First, int Last) range) => rank != ValueColumn.None && rank >= range.First && rank <= range.Last;
}
