namespace ArticleApi.Data;

/// <summary>
/// The few words of SQL that differ between the engines in the statements written by hand to read a page or an
/// article in one round trip (<c>Articles/ArticleRowStatements</c>): JSON built in the database, and a key list as one
/// parameter. Everything else in those statements is SQL both engines read the same way.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>A JSON array of the values, in order (numbers, strings, null; a nested JSON value stays JSON).</summary>
    string JsonArray(params string[] values);

    /// <summary>An aggregate: the JSON array of <paramref name="element"/> over the rows, in <paramref name="orderBy"/> order; no rows give NULL or <c>[]</c>.</summary>
    string JsonArrayAgg(string element, string orderBy);

    /// <summary>A scalar subquery returning JSON, so that it nests as JSON inside <see cref="JsonArray"/> rather than as a string.</summary>
    string NestedJson(string subquery);

    /// <summary>The smallest value of a text column in ordinal (code point) order, whatever the database's collation.</summary>
    string OrdinalMin(string expression);

    /// <summary>A condition that <paramref name="column"/> is one of the keys passed as the one parameter <paramref name="parameter"/>.</summary>
    string KeyIn(string column, string parameter);

    /// <summary>The value of the parameter that <see cref="KeyIn"/> reads.</summary>
    object KeyList(IReadOnlyList<long> keys);
}
