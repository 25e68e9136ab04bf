using System.Globalization;

namespace ArticleApi.Articles;

/// <summary>
/// Page keys in the order a list's statements return them (<see cref="ArticleKeyset"/>, <see cref="PopularityKeyset"/>),
/// so that pages read separately merge as one statement would have ordered them. Ascending, the order is: rows without
/// a value (by id), then rows by value and id; descending is exactly its reverse. Popularity is heat, then recency, then
/// id, all descending, rows without a heat last. Ids compare by code point: SQLite's BINARY and PostgreSQL's "C"
/// collation both compare UTF-8 bytes, which order as code points do (UTF-16 ordinal does not, past U+FFFF).
/// </summary>
internal sealed class PageKeyOrder(ArticleSort sort) : IComparer<PageKey>
{
    public int Compare(PageKey? x, PageKey? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (xHas, xValue, xThen) = Position(x.SortValue);
        var (yHas, yValue, yThen) = Position(y.SortValue);
        var ascending = xHas != yHas ? xHas.CompareTo(yHas)
            : xValue != yValue ? xValue.CompareTo(yValue)
            : xThen != yThen ? xThen.CompareTo(yThen)
            : CodePoints(x.Id, y.Id);
        return sort.Descending ? -ascending : ascending;
    }

    /// <summary>Whether the row has the sort value, the value, and popularity's recency (0 for the other sorts).</summary>
    private (bool Has, long Value, long Then) Position(string? sortValue)
    {
        if (sort.Field != SortField.Popularity)
        {
            return sortValue is null ? (false, 0, 0) : (true, long.Parse(sortValue, CultureInfo.InvariantCulture), 0);
        }

        // "heat:recency", the heat empty when there is none (PopularityKeyset's projection).
        var colon = sortValue!.IndexOf(':', StringComparison.Ordinal);
        var recency = long.Parse(sortValue[(colon + 1)..], CultureInfo.InvariantCulture);
        return colon == 0 ? (false, 0, recency) : (true, long.Parse(sortValue[..colon], CultureInfo.InvariantCulture), recency);
    }

    private static int CodePoints(string x, string y)
    {
        using var xs = x.EnumerateRunes().GetEnumerator();
        using var ys = y.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var xMore = xs.MoveNext();
            var yMore = ys.MoveNext();
            if (!xMore || !yMore)
            {
                return xMore.CompareTo(yMore);
            }

            var order = xs.Current.Value.CompareTo(ys.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
