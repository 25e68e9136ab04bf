using System.Data.Common;

namespace ArticleApi.Data.Sqlite;

/// <summary>The importer's writes on SQLite: a bigger page cache for the pass, and a prepared INSERT per row.</summary>
internal sealed class SqliteBulkWriter : IBulkWriter
{
    /// <summary>
    /// WAL pages between a pass's checkpoints: 64 MiB, against SQLite's 1,000 (4 MiB). Every batch commits the pages it
    /// touched (the leaves of the id and link indexes, where a million articles land at random, and each table's last
    /// page), and a checkpoint copies each page into the database once however many batches wrote it since the last:
    /// a cold load of 1,000,000 files took 2-8% less time in four pairs of runs (BENCHMARKS.md). 256 MiB was no faster.
    /// </summary>
    public const int CheckpointPages = 16384;

    /// <summary>
    /// The default page cache is 2 MiB: past a few hundred thousand articles every index insert then reads pages back
    /// from disk. The writer gets 64 MiB for its pass (given back by <see cref="EndAsync"/>): a cold load keeps only the
    /// unique indexes up row by row (<see cref="SqliteDeferredIndexes"/>), and 256 MiB cost 135 MB more peak RSS at
    /// 100,000 files for no measurable speed (BENCHMARKS.md, Import). NORMAL sync in WAL mode still never corrupts the
    /// file and loses at most the last transactions on power loss. Sorts keep SQLite's default of temporary files: with
    /// <c>temp_store = MEMORY</c>, building the deferred indexes of 1,000,000 articles held 100 MB more (239 MB against
    /// 139 MB peak RSS in the sqlite3 shell, same CPU time). A checkpoint comes every <see cref="CheckpointPages"/> of WAL.
    /// </summary>
    public async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {CheckpointPages};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task EndAsync(DbConnection connection)
    {
        // The pass may have changed much: statistics first, while the large page cache still holds the indexes.
        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);
        // Pooled connections keep their pragmas: back to the defaults before a reader gets this one.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = -2000; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 1000; PRAGMA shrink_memory;";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Nothing: SQLite's readers plan each statement against the statistics of the moment.</summary>
    public Task AfterBatchAsync(DbConnection connection, int batch, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeferIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqliteDeferredIndexes.DeferAsync(connection, cancellationToken);

    public Task RestoreIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqliteDeferredIndexes.RestoreAsync(connection, cancellationToken);

    /// <summary>In process a statement costs no round trip: a prepared INSERT stepped per row on SQLite's own handle.</summary>
    public ITableInsert CreateInsert(DbConnection connection, string table, IReadOnlyList<string> columns) =>
        new SqliteRowInsert(connection, table, columns);
}
