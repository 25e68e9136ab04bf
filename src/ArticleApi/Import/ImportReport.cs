namespace ArticleApi.Import;

/// <summary>A file left out because it is not an item (no front matter, not a map, no title).</summary>
internal sealed record SkippedFile(string Path, string Reason);

/// <summary>A file that meant to be an item but could not be imported.</summary>
internal sealed record FailedFile(string Path, int Line, int Column, string Reason);

/// <summary>The outcome of one import pass.</summary>
internal sealed record ImportReport
{
    public long PassId { get; init; }

    public required string SourceDirectory { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public PassCounts Counts { get; init; } = PassCounts.None;

    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    public IReadOnlyList<FailedFile> Failures { get; init; } = [];

    public TimeSpan Duration => (FinishedAt ?? StartedAt) - StartedAt;
}
