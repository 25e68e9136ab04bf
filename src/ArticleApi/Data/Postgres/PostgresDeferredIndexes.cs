using System.Collections.Concurrent;
using System.Data.Common;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// PostgreSQL's side of a load into an empty database (<c>Sqlite/SqliteDeferredIndexes</c> is SQLite's): the
/// non-unique indexes of the schema's tables, the full-text GIN index among them, are dropped in one transaction that
/// records their DDL (<c>pg_get_indexdef</c>) in the mark table, and created again from it, each in a transaction that
/// strikes it from the mark. DDL is transactional here, so an index is never both built and still marked. A pass cut
/// short leaves the mark, and the next writer builds what it still holds before it writes. Unique indexes and primary
/// keys stay (the writes rely on them), and so do <see cref="DeferredIndexes.KeptIndex"/>, which an article's detail
/// reads during the load, and <see cref="DeferredIndexes.UnstampedIndex"/>, through which each batch stamps its
/// changes. CREATE INDEX takes a lock that blocks writes, not reads: replicas keep answering while the indexes are
/// built, more slowly.
/// </summary>
internal static class PostgresDeferredIndexes
{
    private const string Mark = $"\"{DeferredIndexes.Mark}\"";

    private const string Deferred = $"""
        SELECT ix.relname AS "Name", pg_get_indexdef(i.indexrelid) AS "Sql"
        FROM pg_index i
        JOIN pg_class ix ON ix.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
          AND ix.relname NOT IN ({DeferredIndexes.KeptList})
        """;

    public static async Task DeferAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await IsMarkedAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        await ExecuteAsync(connection, transaction, $"CREATE TABLE {Mark} AS {Deferred}", cancellationToken);
        foreach (var (name, _) in await ReadMarkAsync(connection, transaction, cancellationToken))
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Creates what <see cref="DeferAsync"/> dropped, if anything, on <see cref="Builders"/> connections at once: each
    /// index in a transaction of its own that also strikes it from the mark, so a pass cut short in between leaves only
    /// the rest to build; the mark goes when it is empty. The GIN index goes first: PostgreSQL 15 builds it on one
    /// process, for about as long as the B-trees together take (12 s against 15 s at 1,000,000 articles), so they are
    /// built beside it. One connection after another took 26.8 s for the nineteen, two at once 19.3 s (BENCHMARKS.md).
    /// </summary>
    public static async Task RestoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        List<(string Name, string Sql)> deferred;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (!await IsMarkedAsync(connection, transaction, cancellationToken))
            {
                return;
            }

            deferred = await ReadMarkAsync(connection, transaction, cancellationToken);
        }

        var queue = new ConcurrentQueue<(string Name, string Sql)>(deferred.OrderBy(index => index.Sql.Contains(" USING gin ", StringComparison.Ordinal) ? 0 : 1));
        // Set by a builder that fails; the caller's token cancels apart.
        using var stop = new CancellationTokenSource();
        var builders = new List<Task> { BuildAsync(connection, queue, stop, cancellationToken) };
        for (var more = 1; more < Math.Min(Builders, deferred.Count); more++)
        {
            builders.Add(BuildOnCloneAsync((NpgsqlConnection)connection, queue, stop, cancellationToken));
        }

        await Task.WhenAll(builders);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, transaction, $"DROP TABLE {Mark}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The connections that build indexes at once at the end of a load: the writer's and one more.</summary>
    internal const int Builders = 2;

    private static async Task BuildOnCloneAsync(
        NpgsqlConnection writer, ConcurrentQueue<(string Name, string Sql)> queue, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        // A clone keeps the writer's credentials, which its connection string no longer shows once open.
        await using var connection = (NpgsqlConnection)((ICloneable)writer).Clone();
        await connection.OpenAsync(cancellationToken);
        await BuildAsync(connection, queue, stop, cancellationToken);
    }

    /// <summary>
    /// Takes indexes from the queue until it is empty. A builder that fails sets <paramref name="stop"/>, and the others
    /// end after their current index without an error of their own, so the failure is the one that surfaces; the
    /// caller's <paramref name="cancellationToken"/> cancels every build at once (each rolls back and stays marked).
    /// </summary>
    private static async Task BuildAsync(
        DbConnection connection, ConcurrentQueue<(string Name, string Sql)> queue, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        try
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var index))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // The start-up between a cut-short load and this may have made one again (PostgresBodyIndex makes the GIN index).
                await ExecuteAsync(connection, transaction, IfNotExists(index.Sql), cancellationToken);
                await ExecuteAsync(connection, transaction, $"DELETE FROM {Mark} WHERE \"Name\" = '{index.Name.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>pg_get_indexdef writes a non-unique index as <c>CREATE INDEX name ON ...</c>.</summary>
    internal static string IfNotExists(string sql) => sql.StartsWith("CREATE INDEX ", StringComparison.Ordinal)
        ? "CREATE INDEX IF NOT EXISTS " + sql["CREATE INDEX ".Length..]
        : throw new InvalidOperationException($"not the definition of a non-unique index: {sql}");

    public static async Task<bool> IsMarkedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT to_regclass('{Mark}') IS NOT NULL";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<List<(string Name, string Sql)>> ReadMarkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Name\", \"Sql\" FROM {Mark} ORDER BY \"Name\"";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Building the GIN index of a million articles can take minutes on a busy server: no client-side limit.
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // DDL read back from pg_index, and names from it: never text from outside.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
