using System.Data.Common;

namespace ArticleApi.Data;

/// <summary>
/// The engine-specific half of the importer's writes: the writing connection's settings for a pass and how rows reach
/// a table on it. Kept apart from <see cref="IDatabaseSchema"/>, which prepares the schema and nothing else.
/// </summary>
internal interface IBulkWriter
{
    /// <summary>Settings for the importer's writing connection, held for one pass.</summary>
    Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="PrepareAsync"/> before the connection goes back to the pool.</summary>
    Task EndAsync(DbConnection connection);

    /// <summary>
    /// Before a load into an empty database: sets aside, crash-safely, what is cheaper built once from the loaded rows
    /// than row by row (secondary and full-text indexes). Nothing on an engine where that does not pay.
    /// </summary>
    Task DeferIndexesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Builds what <see cref="DeferIndexesAsync"/> set aside, if anything: after the load, or after a pass cut short.</summary>
    Task RestoreIndexesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// After each committed batch of a pass (<paramref name="batch"/> counts from 1): what keeps readers served while
    /// the tables grow, such as planner statistics. Nothing on an engine that needs nothing.
    /// </summary>
    Task AfterBatchAsync(DbConnection connection, int batch, CancellationToken cancellationToken);

    /// <summary>How the importer's rows for <paramref name="table"/> reach it on this engine's writing connection.</summary>
    ITableInsert CreateInsert(DbConnection connection, string table, IReadOnlyList<string> columns);
}
