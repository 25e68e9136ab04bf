using ArticleApi.Model;
namespace ArticleApi.Data;

/// <summary>
/// The engine-specific half of preparing the schema: applying the provider's EF Core migrations (which also create
/// what EF does not describe, the full-text index) and what has to happen around them on that engine.
/// </summary>
internal interface IDatabaseSchema
{
    /// <summary>
    /// True when every process prepares the schema itself (an embedded file); false when only the importing process
    /// does and the others wait for it (a shared server, where replicas must not race to create tables).
    /// </summary>
    bool PreparedByEveryProcess { get; }

    /// <summary>
    /// Whether the migrations history table exists, asked without an error: EF's own read of a missing history logs a
    /// failed command at Error level on PostgreSQL (npgsql/efcore.pg#3407), which would alarm operators on every
    /// readiness probe of a replica waiting for its importer.
    /// </summary>
    Task<bool> HasMigrationsHistoryAsync(ArticleDbContext context, CancellationToken cancellationToken);

    /// <summary>Applies pending migrations.</summary>
    Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken);

    /// <summary>Lets go of pooled connections when the service stops.</summary>
    void ReleaseConnections();
}
