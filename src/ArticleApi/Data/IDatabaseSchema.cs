namespace ArticleApi.Data;

/// <summary>
/// The engine-specific half of the schema: the tables of the model plus what EF does not describe (the full-text
/// index) and a version, so readiness can tell whether the schema is current.
/// </summary>
internal interface IDatabaseSchema
{
    /// <summary>The version this build expects; <see cref="ReadVersionAsync"/> answers it once the schema is current.</summary>
    long Version { get; }

    /// <summary>
    /// True when every process prepares the schema itself (an embedded file); false when only the importing process
    /// does and the others wait for it (a shared server, where replicas must not race to create tables).
    /// </summary>
    bool PreparedByEveryProcess { get; }

    /// <summary>Creates or rebuilds the schema unless it is current. The database is derived data: a rebuild loses nothing the files do not hold.</summary>
    Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken);

    /// <summary>The version the database holds; 0 when it holds no schema yet.</summary>
    Task<long> ReadVersionAsync(ArticleDbContext context, CancellationToken cancellationToken);

    /// <summary>Lets go of pooled connections when the service stops.</summary>
    void ReleaseConnections();
}
