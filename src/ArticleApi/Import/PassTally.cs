namespace ArticleApi.Import;

/// <summary>The counts and lists one pass builds up as it goes; <see cref="Counts"/> is what it amounts to.</summary>
internal sealed class PassTally
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Renamed { get; set; }

    public int Unchanged { get; set; }

    public int Deleted { get; set; }

    public List<SkippedFile> Skipped { get; } = [];

    public List<FailedFile> Failures { get; } = [];

    public PassCounts Counts(int seen) => new(seen, Added, Updated, Renamed, Unchanged, Deleted, Skipped.Count, Failures.Count);
}
