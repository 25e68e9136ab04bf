using System.Runtime.InteropServices;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// A filter's conditions that name rows, each as a bitmap of a bit per row: the rows to keep (the topic groups' and
/// the search's, a common type's or category's, each provider group's and a rare type's or category's, marked once
/// per request) and the rows to leave out (the excluded topics' and providers'). A word of 64 rows is then an AND of
/// a word of each (<see cref="FilterMatches"/>), one row a bit of each (<see cref="ProjectedMatches"/>): neither reads
/// the provider, type or category of a row.
/// </summary>
internal sealed class ConditionBitmaps : IDisposable
{
    private readonly List<RowSet> _marked = [];

    private ConditionBitmaps()
    {
    }

    /// <summary>Rows every match is among.</summary>
    public List<ulong[]> Kept { get; } = [];

    /// <summary>Rows no match is among.</summary>
    public List<ulong[]> Left { get; } = [];

    /// <summary>True when no condition names rows to keep or to leave out: <see cref="Contains"/> holds for every row.</summary>
    public bool None => Kept.Count == 0 && Left.Count == 0;

    /// <summary>True when a type or category no article has is asked for: no row matches.</summary>
    public bool MatchNothing { get; private set; }

    /// <summary>
    /// The bitmaps of <paramref name="filter"/>; the caller disposes them (<paramref name="test"/> owns the topics' and
    /// the search's). None for a condition every candidate meets: the one <paramref name="source"/> covers, and a type or
    /// category every row has.
    /// </summary>
    public static ConditionBitmaps Of(ArticleColumns columns, ColumnFilter filter, MatchingRows test, ProjectedSource? source = null)
    {
        var bitmaps = new ConditionBitmaps();
        // The topic groups' sets come first among the required, in the filter's order; the search's after them. A group
        // the source covers is not marked at all.
        bitmaps.Kept.AddRange(Enumerable.Range(0, test.RequiredCount).Where(i => source?.Covers(SourceCondition.Topics, i) != true)
            .Select(i => test.Required(i).Words));
        var index = columns.Counting;
        foreach (var (name, column, values, condition) in (ReadOnlySpan<(string?, NameColumn, ValueIndex, SourceCondition)>)[
            (filter.Type, columns.Type, index.Type, SourceCondition.Type), (filter.Category, columns.Category, index.Category, SourceCondition.Category)])
        {
            if (name is null || source?.Covers(condition) == true)
            {
                continue;
            }

            // An unknown name matches nothing; a rare one has no bitmap, and its few rows are marked.
            var id = column.Id(name);
            if (id == NameColumn.None)
            {
                bitmaps.MatchNothing = true;
                return bitmaps;
            }

            if (values.Size(id) < columns.Count)
            {
                bitmaps.Kept.Add(values.Bitmap(id) ?? bitmaps.Marked(columns, [column.Rows(id)]));
            }
        }

        foreach (var (group, i) in filter.ProviderGroups.Select((group, i) => (group, i)).Where(g => source?.Covers(SourceCondition.Providers, g.i) != true))
        {
            bitmaps.Kept.Add(bitmaps.Marked(columns, ProviderRows(columns, group)));
        }

        if (test.ExcludedTopicRows is { } excludedTopics)
        {
            bitmaps.Left.Add(excludedTopics.Words);
        }

        if (filter.ExcludedProviders.Count > 0)
        {
            bitmaps.Left.Add(bitmaps.Marked(columns, ProviderRows(columns, filter.ExcludedProviders)));
        }

        return bitmaps;
    }

    /// <summary>Whether <paramref name="row"/> is in every kept bitmap and in no left one.</summary>
    public bool Contains(int row)
    {
        var (word, bit) = (row >> 6, 1UL << (row & 63));
        // As spans: the lists' enumerators checked their versions at every step, for every candidate row.
        foreach (var kept in CollectionsMarshal.AsSpan(Kept))
        {
            if ((kept[word] & bit) == 0)
            {
                return false;
            }
        }

        foreach (var left in CollectionsMarshal.AsSpan(Left))
        {
            if ((left[word] & bit) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => _marked.ForEach(set => set.Dispose());

    // The rows of the named domains that some article has.
    private static List<ArraySegment<int>> ProviderRows(ArticleColumns columns, IEnumerable<string> domains) =>
        [.. domains.Distinct(StringComparer.Ordinal).Select(columns.Provider.Id).Where(id => id != NameColumn.None).Select(columns.Provider.Rows)];

    // A set of the given rows, kept for disposal; its words as one bitmap.
    private ulong[] Marked(ArticleColumns columns, IEnumerable<ArraySegment<int>> rows)
    {
        var set = new RowSet(columns.Count);
        _marked.Add(set);
        foreach (var slice in rows)
        {
            set.AddAll(slice);
        }

        return set.Words;
    }
}
