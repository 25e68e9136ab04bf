namespace ArticleApi.Telemetry;

/// <summary>The names under which the service reports: one meter, one activity source per kind of work.</summary>
internal static class ArticleApiMeter
{
    /// <summary>The meter of the service's own instruments (import, cache, search, database time, data version).</summary>
    public const string Name = "ArticleApi";

    /// <summary>Spans of import passes.</summary>
    public const string ImportSource = "ArticleApi.Import";

    /// <summary>Spans of database commands run through EF Core.</summary>
    public const string DatabaseSource = "ArticleApi.Database";

    /// <summary>
    /// Bucket bounds in seconds for short durations (database time of a request): from 0.1 ms, so a request answered
    /// from the cache (no database time) is told apart from one that queried.
    /// </summary>
    public static readonly IReadOnlyList<double> ShortSeconds = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Bucket bounds in seconds for import passes: a rescan of unchanged files takes well under a second, a first import of a million files many minutes.</summary>
    public static readonly IReadOnlyList<double> PassSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
}
