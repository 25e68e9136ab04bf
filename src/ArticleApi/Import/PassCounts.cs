using ArticleApi.Model;

namespace ArticleApi.Import;

/// <summary>
/// What one pass did, counted: the one model of a pass's counts, carried by the report, stored in the pass's
/// <see cref="ImportRun"/> row and served by <c>/import/status</c>.
/// </summary>
internal sealed record PassCounts(int Seen, int Added, int Updated, int Renamed, int Unchanged, int Deleted, int Skipped, int Failed)
{
    public static readonly PassCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The one rule for "did this pass change anything": the data version moves with exactly these.</summary>
    public bool Changed => Added + Updated + Renamed + Deleted > 0;

    /// <summary>The counts a stored pass holds.</summary>
    public static PassCounts Of(ImportRun run) =>
        new(run.Seen, run.Added, run.Updated, run.Renamed, run.Unchanged, run.Deleted, run.Skipped, run.Failed);
}
