using System.Diagnostics.Metrics;

namespace ArticleApi.Telemetry;

/// <summary>The plans a full-text search can run with (see <c>SearchFrequency</c>).</summary>
internal enum SearchPlan
{
    /// <summary>A term in many articles: walk the sort index and test each article.</summary>
    Frequent,

    /// <summary>A term in few articles: collect its matches, then sort them.</summary>
    Rare,

    /// <summary><c>sort=relevance</c>: rank every match.</summary>
    Relevance,

    /// <summary>Its matching rows kept in memory: a walk in the columns (<c>SearchRowsCache</c>).</summary>
    Columns,
}

/// <summary>Full-text searches that ran against the database (cache misses), by plan.</summary>
internal sealed class SearchMetrics
{
    private static readonly KeyValuePair<string, object?>[] Plans =
        [new("plan", "frequent"), new("plan", "rare"), new("plan", "relevance"), new("plan", "columns")];

    private readonly Counter<long> _searches;

    public SearchMetrics(IMeterFactory meterFactory) =>
        _searches = meterFactory.Create(ArticleApiMeter.Name).CreateCounter<long>("articleapi.searches", "{search}",
            "Full-text searches (response-cache misses), by plan: frequent, rare, relevance through the database; columns in memory.");

    public void Searched(SearchPlan plan) => _searches.Add(1, Plans[(int)plan]);
}
