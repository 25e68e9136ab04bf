using System.Globalization;
using ArticleApi.Model;

namespace ArticleApi.Articles;

/// <summary>A row of a page before its content is loaded: the key, the id and the value it is sorted on.</summary>
internal sealed class PageKey
{
    public long Key { get; set; }

    public required string Id { get; set; }

    public string? SortValue { get; set; }

    /// <summary>
    /// Reads the rows of the statement EF writes for a segment (run prepared, <see cref="TimedReads"/>). EF computes the
    /// sort value's text on the client: it selects the stored values (Unix milliseconds, the integer, the rank, or
    /// popularity's heat and recency) under their columns' names (beside an IS NOT NULL flag for a nullable one), so the
    /// text is made here from those values with the formatting the projection asks for. Should EF one day write the
    /// text in SQL, it is read as such.
    /// </summary>
    public static Func<RowColumns, PageKey> Reader(SortField sort) => columns => new PageKey
    {
        Key = columns.Long(nameof(Key)),
        Id = columns.Text(nameof(Id)),
        SortValue = columns.Has(nameof(SortValue)) ? columns.NullableText(nameof(SortValue)) : sort switch
        {
            SortField.Relevance => columns.NullableDouble(nameof(FullTextMatch.Rank))?.ToString(CultureInfo.InvariantCulture),
            // As PopularityKeyset's projection writes it: "heat:recency", the heat empty when there is none.
            SortField.Popularity => columns.NullableLong(nameof(Article.Heat))?.ToString(CultureInfo.InvariantCulture) + ":"
                + columns.Long(ArticleConfiguration.RecencyColumn).ToString(CultureInfo.InvariantCulture),
            _ => columns.NullableLong(sort.ToString())?.ToString(CultureInfo.InvariantCulture),
        },
    };
}
