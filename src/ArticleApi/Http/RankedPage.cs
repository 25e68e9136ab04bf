namespace ArticleApi.Http;

/// <summary>
/// Paging for the small reference lists ranked by article count (<c>/topics</c>, <c>/providers</c>): most articles
/// first, ties by key. The lists are ranked in memory from the per-version counts, so a page is a slice of the ranking
/// after the cursor's (count, key); a list that changes between pages loses or repeats nothing that kept its place.
/// </summary>
internal static class RankedPage
{
    public const string SortName = "-articleCount";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; problems go to <paramref name="reader"/>.</summary>
    public static (int Limit, (int Count, string Key)? After) Read(ParameterReader reader, string? limit, string? cursor)
    {
        var size = reader.Integer("limit", limit, 1, MaxLimit) ?? DefaultLimit;
        var position = Cursor.Read(reader, cursor, SortName, CursorValue.Count);
        return (size, position is null ? null : ((int)position.Value!, position.Id));
    }

    /// <summary>The page of <paramref name="ranked"/> (already in rank order) after <paramref name="after"/>, and the cursor of the next one.</summary>
    public static (List<T> Items, Cursor? Next) Slice<T>(
        IEnumerable<T> ranked, Func<T, int> count, Func<T, string> key, int limit, (int Count, string Key)? after)
    {
        var rest = after is not { } position
            ? ranked
            : ranked.Where(item => count(item) < position.Count
                || (count(item) == position.Count && string.CompareOrdinal(key(item), position.Key) > 0));
        var items = rest.Take(limit + 1).ToList();
        if (items.Count <= limit)
        {
            return (items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return (items, new Cursor(SortName, count(last), key(last)));
    }
}
