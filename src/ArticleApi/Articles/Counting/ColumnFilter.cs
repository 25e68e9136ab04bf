namespace ArticleApi.Articles.Counting;

/// <summary>
/// Which articles a list's counts cover, in the terms of <see cref="ArticleColumns"/>: the list's filters without
/// its order or page. Every condition must hold; a missing value (no quality, no provider, undated) matches no
/// condition on that field, as in SQL, except an exclusion, which keeps it.
/// </summary>
internal sealed record ColumnFilter
{
    public bool? Published { get; init; }

    public int? MinQuality { get; init; }

    public int? MaxQuality { get; init; }

    public int? MinHeat { get; init; }

    public int? MaxHeat { get; init; }

    /// <summary>Groups of topic slugs: an article must name a slug of every group.</summary>
    public IReadOnlyList<string[]> TopicGroups { get; init; } = [];

    /// <summary>Articles naming any of these slugs are left out.</summary>
    public IReadOnlyList<string> ExcludedTopics { get; init; } = [];

    /// <summary>Groups of provider domains: an article's provider must be in every group.</summary>
    public IReadOnlyList<string[]> ProviderGroups { get; init; } = [];

    /// <summary>Articles of these domains are left out; articles without a provider stay.</summary>
    public IReadOnlyList<string> ExcludedProviders { get; init; } = [];

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Type { get; init; }

    public string? Category { get; init; }

    /// <summary>
    /// The same filter on the articles of these type and category columns without a condition that every article meets
    /// (every article of a corpus of news articles is an article): what is left is then a plain filter where it was
    /// one (<see cref="CubeTerms"/>), its counts come from cubes instead of a pass over the matches, and no row is
    /// tested for it.
    /// </summary>
    public ColumnFilter On(NameColumn type, NameColumn category)
    {
        var (everyType, everyCategory) = (HeldByEvery(type, Type), HeldByEvery(category, Category));
        return everyType || everyCategory ? this with { Type = everyType ? null : Type, Category = everyCategory ? null : Category } : this;
    }

    private static bool HeldByEvery(NameColumn column, string? name) =>
        name is not null && column.Id(name) is var id and not NameColumn.None && column.Rows(id).Count == column.Ids.Length;

    /// <summary>
    /// The bounds of this filter's range on the value <paramref name="field"/> orders by (popularity's is heat; the
    /// date's in Unix milliseconds), or null when it has none: the rows within it are one slice of that order.
    /// </summary>
    public (long Low, long High)? Range(OrderField field)
    {
        var (low, high) = field switch
        {
            OrderField.Quality => (MinQuality, MaxQuality),
            OrderField.Heat or OrderField.Popularity => (MinHeat, MaxHeat),
            _ => (From?.ToUnixTimeMilliseconds(), To?.ToUnixTimeMilliseconds()),
        };
        return low is null && high is null ? null : (low ?? long.MinValue, high ?? long.MaxValue);
    }

    /// <summary>The quality ranks this filter keeps (<see cref="ValueColumn.RankRange"/>), or null when it bounds no quality.</summary>
    public (int First, int Last)? QualityRanks(ValueColumn quality) =>
        MinQuality is null && MaxQuality is null ? null : quality.RankRange(MinQuality, MaxQuality);

    /// <summary>The heat ranks this filter keeps, or null when it bounds no heat.</summary>
    public (int First, int Last)? HeatRanks(ValueColumn heat) => MinHeat is null && MaxHeat is null ? null : heat.RankRange(MinHeat, MaxHeat);

    /// <summary>
    /// The rows a search matches; null when there is no search. The filter's maker owns the set: the tests and
    /// counts that read it leave it whole.
    /// </summary>
    public RowSet? SearchRows { get; init; }
}
