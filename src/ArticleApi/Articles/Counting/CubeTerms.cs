namespace ArticleApi.Articles.Counting;

/// <summary>
/// A filter of only published, quality and heat in the terms of a <see cref="ValueCube"/>: the published flag (0 or
/// 1) and the rank ranges, each null when the filter leaves it open.
/// </summary>
internal readonly record struct CubeTerms(int? Published, (int First, int Last)? Quality, (int First, int Last)? Heat)
{
    /// <summary>The terms of <paramref name="filter"/>, or null when it has any other condition.</summary>
    public static CubeTerms? Of(ColumnFilter filter, ValueColumn quality, ValueColumn heat)
    {
        if (filter.TopicGroups.Count > 0 || filter.ExcludedTopics.Count > 0 || filter.ProviderGroups.Count > 0 || filter.ExcludedProviders.Count > 0
            || filter.From is not null || filter.To is not null || filter.Type is not null || filter.Category is not null || filter.SearchRows is not null)
        {
            return null;
        }

        return new CubeTerms(
            filter.Published is { } published ? (published ? 1 : 0) : null,
            filter.QualityRanks(quality),
            filter.HeatRanks(heat));
    }
}
