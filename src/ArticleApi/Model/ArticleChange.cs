namespace ArticleApi.Model;

/// <summary>
/// One entry of the change log that <c>GET /changes</c> serves to mirrors: an article row inserted or deleted. Written
/// by the database itself (triggers on <c>Articles</c>, made by the migration <c>ArticleChangeLog</c>), so no write path
/// can forget it; the data version and time are stamped, in the same transaction, when the write moves the data version.
/// </summary>
internal sealed class ArticleChange
{
    /// <summary>Order of the changes: one importer writes at a time and each batch commits before the next starts.</summary>
    public long Seq { get; set; }

    public required string ArticleId { get; set; }

    /// <summary>True for a deleted row (an article gone, or the old half of a replace or rename).</summary>
    public bool IsDeletion { get; set; }

    /// <summary>The data version the write moved the database to; null only inside the writing transaction.</summary>
    public long? DataVersion { get; set; }

    /// <summary>When the import pass that made the change started.</summary>
    public DateTimeOffset? ChangedAt { get; set; }
}
