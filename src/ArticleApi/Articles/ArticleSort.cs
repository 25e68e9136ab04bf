using ArticleApi.Http;

namespace ArticleApi.Articles;

/// <summary>What a list is ordered by.</summary>
internal enum SortField
{
    PublishedDateTime,
    Quality,
    Heat,
    Relevance,

    /// <summary>Heat, then recency (<see cref="PopularityKeyset"/>).</summary>
    Popularity,
}

/// <summary>A list order: a field and a direction; ties are always broken by <c>id</c> in the same direction, so the order is total.</summary>
internal sealed record ArticleSort(string Name, SortField Field, bool Descending)
{
    /// <summary>What a cursor of this sort holds: the sort column's value of the page's last row (popularity: heat and recency).</summary>
    public CursorValue CursorValue => Field switch
    {
        SortField.PublishedDateTime => CursorValue.NullableUnixMilliseconds,
        SortField.Relevance => CursorValue.Double,
        SortField.Popularity => CursorValue.Popularity,
        _ => CursorValue.NullableInt32,
    };

    public static readonly ArticleSort Default = new("-publishedDateTime", SortField.PublishedDateTime, true);

    public static readonly IReadOnlyList<ArticleSort> All =
    [
        Default,
        new("publishedDateTime", SortField.PublishedDateTime, false),
        new("-quality", SortField.Quality, true),
        new("quality", SortField.Quality, false),
        new("-heat", SortField.Heat, true),
        new("heat", SortField.Heat, false),
        // bm25 ranks best first with the lowest score, so "relevance" is ascending on the rank.
        new("relevance", SortField.Relevance, false),
        // Heat descending, then publishedDateTime descending, then id descending; no heat and no date come last.
        new("popularity", SortField.Popularity, true),
    ];

    public static readonly IReadOnlyList<string> Names = [.. All.Select(s => s.Name)];
}
