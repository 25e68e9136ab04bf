namespace ArticleApi.Import;

/// <summary>The last import pass, as <c>GET /import/status</c> serves it.</summary>
internal sealed record ImportStatusResponse(
    long PassId,
    string SourceDirectory,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    bool Running,
    string Outcome,
    int Seen,
    int Added,
    int Updated,
    int Renamed,
    int Unchanged,
    int Deleted,
    int SkippedCount,
    int FailedCount,
    double? DurationMs,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<FailedFile> Failures);
