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
    IReadOnlyList<FailedFile> Failures)
{
    /// <summary>The status of a stored pass, its counts flattened as the contract has them.</summary>
    public static ImportStatusResponse From(
        ArticleApi.Model.ImportRun run, string folder, string outcome, IReadOnlyList<SkippedFile> skipped, IReadOnlyList<FailedFile> failures)
    {
        var counts = PassCounts.Of(run);
        return new(run.Id, folder, run.StartedAt, run.FinishedAt, run.FinishedAt is null, outcome,
            counts.Seen, counts.Added, counts.Updated, counts.Renamed, counts.Unchanged, counts.Deleted, counts.Skipped, counts.Failed,
            run.FinishedAt is { } finished ? (finished - run.StartedAt).TotalMilliseconds : null, skipped, failures);
    }
}
