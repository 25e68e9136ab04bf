namespace ArticleApi.Data.Postgres;

/// <summary>PostgreSQL's json functions; an empty aggregate is NULL.</summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public string JsonArray(params string[] values) => $"json_build_array({string.Join(", ", values)})";

    public string JsonArrayAgg(string element, string orderBy) => $"json_agg({element} ORDER BY {orderBy})";

    // A subquery of type json nests as JSON already.
    public string NestedJson(string subquery) => $"({subquery})";

    // The "C" collation compares bytes, whatever the database's default collation.
    public string OrdinalMin(string expression) => $"MIN({expression} COLLATE \"C\")";

    public string KeyIn(string column, string parameter) => $"{column} = ANY({parameter})";

    public object KeyList(IReadOnlyList<long> keys) => keys.ToArray();
}
