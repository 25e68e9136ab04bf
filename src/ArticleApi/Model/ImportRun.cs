using ArticleApi.Data;
namespace ArticleApi.Model;

/// <summary>
/// One import pass as recorded in the database. Kept in the database (not in process memory) so that every
/// process reading the same database agrees on the last pass and on the data version derived from it.
/// </summary>
internal sealed class ImportRun
{
    public long Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string SourceDirectory { get; set; }

    public int Seen { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Renamed { get; set; }

    public int Unchanged { get; set; }

    public int Deleted { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    /// <summary><c>running</c>, <c>completed</c>, <c>cancelled</c> or <c>failed: reason</c>.</summary>
    public string Outcome { get; set; } = "running";

    /// <summary>True when the pass added, updated or deleted something: the data version moves with it.</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// The data version this pass last moved the database to: set to one more than the highest in the table, in the
    /// same transaction as each write, so a reader's version (the maximum) changes exactly when the data does.
    /// </summary>
    public long DataVersion { get; set; }

    /// <summary>Skipped and failed files as JSON (the skipped and failed lists of the import report).</summary>
    public string Details { get; set; } = "{}";
}
