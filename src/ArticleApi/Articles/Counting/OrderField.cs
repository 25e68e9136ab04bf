namespace ArticleApi.Articles.Counting;

/// <summary>The fields a list can be ordered by that the columns hold (every sort but relevance, which the search ranks).</summary>
internal enum OrderField
{
    PublishedAt,
    Quality,
    Heat,

    /// <summary>Heat, then recency: publishedDateTime, or below every date when the article has none.</summary>
    Popularity,
}
