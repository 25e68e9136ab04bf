namespace ArticleApi.Data;

/// <summary>
/// What both engines share when a load into an empty database sets its secondary indexes aside and builds them once
/// at its end (<c>Sqlite/SqliteDeferredIndexes</c>, <c>Postgres/PostgresDeferredIndexes</c>).
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>Not in the EF model: the table exists only while indexes are set aside, and is the mark that they are.</summary>
    public const string Mark = "ImportDeferredSchema";

    /// <summary>
    /// The index of Article.Link (a test ties the name to the EF model), kept through a load: an article's detail resolves each of
    /// its related links through it, and without it every detail read during a first load scanned the rows loaded so
    /// far (0.11 s a detail at 100,000 rows instead of 0.01 s; readers starved during a load of a million files).
    /// </summary>
    public const string KeptIndex = "IX_Articles_Link";

    /// <summary>
    /// The partial index of the change log's rows not yet stamped with a data version, kept through a load: every batch
    /// stamps its own rows through it (the trigger <c>ArticleChangesStamp</c>). Without it each batch scanned the whole
    /// change log, one row per article loaded so far: 45% of the writer's time 40 s into a load of a million files.
    /// It holds one batch's rows at most, so keeping it up costs next to nothing.
    /// </summary>
    public const string UnstampedIndex = "IX_ArticleChanges_Unstamped";

    /// <summary>The indexes a load keeps, as an SQL list of string literals.</summary>
    public const string KeptList = $"'{KeptIndex}', '{UnstampedIndex}'";
}
