namespace ArticleApi.Articles.Counting;

/// <summary>
/// Rows that hold every match of a filter and whose columns are copied in their order (<see cref="SourceColumns"/>):
/// the rows of one topic group (every topic in it common), one provider group, a type or a category, or the rows of a
/// date range, a slice of every row in date order. Of those the filter has, the one with the fewest rows.
/// </summary>
internal sealed record ProjectedSource(IReadOnlyList<ProjectedPart> Parts, SourceCondition Condition, int Group = 0)
{
    public int Size => Parts.Sum(part => part.End - part.First);

    /// <summary>Whether every row of the source lies in the filter's date range: a slice of the date order.</summary>
    public bool DatesCovered => Condition == SourceCondition.Dates;

    /// <summary>Whether every row of the source meets <paramref name="condition"/> (for a group, the group numbered <paramref name="group"/>).</summary>
    public bool Covers(SourceCondition condition, int group = 0) => Condition == condition && Group == group;

    /// <summary>
    /// The smallest source of <paramref name="filter"/> with copied columns, or null when it has none or when the
    /// smallest holds more than half the rows (a pass over every row then reads less than twice as much).
    /// </summary>
    public static ProjectedSource? Smallest(ArticleColumns columns, ColumnFilter filter)
    {
        var smallest = All(columns, filter).MinBy(source => source.Size);
        return smallest is not null && (long)smallest.Size * 2 <= columns.Count ? smallest : null;
    }

    /// <summary>Every source of <paramref name="filter"/> with copied columns, whatever its size.</summary>
    public static List<ProjectedSource> All(ArticleColumns columns, ColumnFilter filter)
    {
        var index = columns.Counting;
        var sources = new List<ProjectedSource?>();
        sources.AddRange(filter.TopicGroups.Select((group, i) => Of(index.Topics, group.Select(columns.Topics.Id).Where(id => id >= 0), SourceCondition.Topics, i)));
        sources.AddRange(filter.ProviderGroups.Select((group, i) =>
            Of(index.Provider, group.Select(columns.Provider.Id).Where(id => id != NameColumn.None), SourceCondition.Providers, i)));
        foreach (var (name, column, values, condition) in (ReadOnlySpan<(string?, NameColumn, ValueIndex, SourceCondition)>)[
            (filter.Type, columns.Type, index.Type, SourceCondition.Type), (filter.Category, columns.Category, index.Category, SourceCondition.Category)])
        {
            if (name is not null && column.Id(name) is var id and not NameColumn.None)
            {
                sources.Add(Of(values, [id], condition, 0));
            }
        }

        if (filter.Range(OrderField.PublishedAt) is var (from, to))
        {
            var slice = columns.Order(OrderField.PublishedAt).Slice(from, to);
            sources.Add(new ProjectedSource([new ProjectedPart(index.DateOrder, slice.Offset, slice.Offset + slice.Count)], SourceCondition.Dates));
        }

        return [.. sources.OfType<ProjectedSource>()];
    }

    // The rows of the given values together, when every one of them has its columns copied.
    private static ProjectedSource? Of(ValueIndex values, IEnumerable<int> ids, SourceCondition condition, int group)
    {
        var parts = new List<ProjectedPart>();
        foreach (var id in ids.Distinct())
        {
            if (values.Columns(id) is not { } copied)
            {
                return null;
            }

            parts.Add(new ProjectedPart(copied, 0, copied.Rows.Count));
        }

        return new ProjectedSource(parts, condition, group);
    }
}
