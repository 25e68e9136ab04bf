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

    /// <summary>
    /// Statistics refreshed after batches 1, 2, 4, ... <see cref="LastStatisticsBatch"/> of a pass, for the tables that
    /// grew by a tenth since their last ANALYZE (<see cref="PostgresStatistics"/>). A reader's connection keeps the plan
    /// of each statement it prepared, and a plan made while the tables had no statistics scanned them whole as they
    /// grew: during a cold load of 1,000,000 files, 60 s in, random articles by id came back at 13 to 19 a second, p99
    /// 0.9 to 2.0 s (BENCHMARKS.md). An ANALYZE makes the server drop the plans that depend on the table; made again
    /// from statistics of some thousands of rows they use the indexes, and the planner scales the row counts with the
    /// tables' size from then on, so later batches need none (each would cost a sample of every table).
    /// </summary>
    public Task AfterBatchAsync(DbConnection connection, int batch, CancellationToken cancellationToken) =>
        IsStatisticsBatch(batch) ? PostgresStatistics.RefreshAsync(connection, cancellationToken) : Task.CompletedTask;

    /// <summary>The last batch after which a pass refreshes statistics: 32,000 articles in at the default batch size.</summary>
    internal const int LastStatisticsBatch = 64;

    /// <summary>Whether statistics are refreshed after <paramref name="batch"/>: a power of two up to <see cref="LastStatisticsBatch"/>.</summary>
    internal static bool IsStatisticsBatch(int batch) => batch is > 0 and <= LastStatisticsBatch && (batch & (batch - 1)) == 0;

    public Task DeferIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresDeferredIndexes.DeferAsync(connection, cancellationToken);

    public Task RestoreIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresDeferredIndexes.RestoreAsync(connection, cancellationToken);

    /// <summary>A buffered binary COPY per table and batch: one round trip instead of one per row.</summary>
    public ITableInsert CreateInsert(DbConnection connection, string table, IReadOnlyList<string> columns) =>
        new PostgresCopyInsert((NpgsqlConnection)connection, table, columns);
}
