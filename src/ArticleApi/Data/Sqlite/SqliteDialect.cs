using System.Globalization;

namespace ArticleApi.Data.Sqlite;

/// <summary>SQLite's JSON1 functions; booleans come out as 0 and 1, as SQLite stores them.</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public string JsonArray(params string[] values) => $"json_array({string.Join(", ", values)})";

    // ORDER BY inside an aggregate needs SQLite 3.44 or later; the bundled engine is newer.
    public string JsonArrayAgg(string element, string orderBy) => $"json_group_array({element} ORDER BY {orderBy})";

    // A JSON value loses its JSON subtype when it leaves a subquery; json() gives it back.
    public string NestedJson(string subquery) => $"json(({subquery}))";

    // BINARY collation compares UTF-8 bytes: code point order.
    public string OrdinalMin(string expression) => $"MIN({expression})";

    public string KeyIn(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public object KeyList(IReadOnlyList<long> keys) =>
        "[" + string.Join(',', keys.Select(key => key.ToString(CultureInfo.InvariantCulture))) + "]";
}
