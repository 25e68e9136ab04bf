using System.Data.Common;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>The importer's writes on PostgreSQL: the server's own settings, and one binary COPY per table and batch.</summary>
internal sealed class PostgresBulkWriter : IBulkWriter
{
    /// <summary>The server's own settings serve bulk writes well; nothing to change per connection.</summary>
    public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A pass that changed much leaves fresh planner statistics behind it (<see cref="PostgresStatistics"/>).</summary>
    public Task EndAsync(DbConnection connection) => PostgresStatistics.RefreshAsync(connection, CancellationToken.None);

    public Task DeferIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresDeferredIndexes.DeferAsync(connection, cancellationToken);

    public Task RestoreIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresDeferredIndexes.RestoreAsync(connection, cancellationToken);

    /// <summary>A buffered binary COPY per table and batch: one round trip instead of one per row.</summary>
    public ITableInsert CreateInsert(DbConnection connection, string table, IReadOnlyList<string> columns) =>
        new PostgresCopyInsert((NpgsqlConnection)connection, table, columns);
}
