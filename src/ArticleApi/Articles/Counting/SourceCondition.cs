namespace ArticleApi.Articles.Counting;

/// <summary>The condition of a filter whose rows a <see cref="ProjectedSource"/> is: every row of the source meets it.</summary>
internal enum SourceCondition
{
    /// <summary>A date range: a slice of the rows in date order.</summary>
    Dates,

    /// <summary>One topic group (<see cref="ColumnFilter.TopicGroups"/>).</summary>
    Topics,

    /// <summary>One provider group (<see cref="ColumnFilter.ProviderGroups"/>).</summary>
    Providers,

    Type,

    Category,
}
