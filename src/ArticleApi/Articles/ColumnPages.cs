using System.Globalization;
using ArticleApi.Articles.Counting;
using ArticleApi.Http;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>
/// The page keys of a list found in the articles' columns in memory (<see cref="PageRows"/>) instead of by SQL: no
/// index serves every combination of filters with every sort, and a combination of broad filters that matches few
/// rows near the sort's end made the database walk or sort hundreds of thousands of rows (68 ms to seconds at a
/// million articles). In memory the same page costs at most two passes over the filter's rarest part. The order is
/// the SQL keyset's exactly (<see cref="RowPosition"/>), so cursors from either read continue in the other.
/// </summary>
internal static class ColumnPages
{
    /// <summary>Relevance is the full-text index's, so a list sorted by it stays with SQL; a search sorted otherwise needs its rows (<see cref="SearchRowsCache"/>).</summary>
    public static bool Serves(ArticleQuery query) => query.Sort.Field != SortField.Relevance;

    /// <summary>
    /// The first limit + 1 page keys, their ids left empty (the rows bring them), after the cursor's article whose key
    /// is <paramref name="cursorKey"/>; null when that article is not in the columns (read before it was imported),
    /// since the columns place a position by its article's id, which SQL compares as text instead. The filter and the
    /// columns are <paramref name="matches"/>', whose match set the request's counts reuse when the page built it.
    /// </summary>
    public static List<PageKey>? ReadKeys(ArticleQuery query, MatchSet matches, long? cursorKey)
    {
        var columns = matches.Columns;
        var field = Field(query.Sort.Field);
        RowPosition? after = null;
        if (query.Cursor is { } cursor)
        {
            var row = cursorKey is { } key ? columns.RowOf(key) : -1;
            if (row < 0)
            {
                return null;
            }

            after = Position(cursor.Value, field, columns.IdRanks[row]);
        }

        var rows = PageRows.Find(matches, field, query.Sort.Descending, after, query.Limit + 1);
        return [.. rows.Select(row => new PageKey { Key = columns.Keys[row], Id = "", SortValue = SortValue(columns, field, row) })];
    }

    private static OrderField Field(SortField sort) => sort switch
    {
        SortField.PublishedDateTime => OrderField.PublishedAt,
        SortField.Quality => OrderField.Quality,
        SortField.Heat => OrderField.Heat,
        SortField.Popularity => OrderField.Popularity,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "a search's relevance is not in the columns"),
    };

    // The cursor's typed value (Http/CursorValue) as a position; the id's place is its article's.
    private static RowPosition Position(object? value, OrderField field, int idRank) => value switch
    {
        null => new RowPosition(false, 0, 0, idRank),
        PopularityPosition popularity => new RowPosition(popularity.Heat.HasValue, popularity.Heat ?? 0, popularity.Recency, idRank),
        long milliseconds => new RowPosition(true, milliseconds, 0, idRank),
        int number => new RowPosition(true, number, 0, idRank),
        _ => throw new ArgumentException($"a cursor of {field} holds no {value.GetType().Name}", nameof(value)),
    };

    // As the SQL keyset writes it (PageKey): Unix milliseconds, the integer, or popularity's "heat:recency".
    private static string? SortValue(ArticleColumns columns, OrderField field, int row)
    {
        var position = columns.Position(field, row);
        return field switch
        {
            OrderField.Popularity => new PopularityPosition(position.Has ? (int)position.Value : null, position.Then).ToString(),
            _ => position.Has ? position.Value.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
