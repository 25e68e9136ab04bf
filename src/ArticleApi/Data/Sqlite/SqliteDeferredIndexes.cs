using System.Data.Common;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Loading into an empty database, the secondary indexes and the full-text index cost more row by row than built once
/// from the loaded rows. They are set aside with their own DDL in the table <see cref="DeferredIndexes.Mark"/>, in one
/// transaction, and built again with that DDL, again in one transaction that drops the mark. A pass interrupted in
/// between leaves the mark behind, and the next writer rebuilds before it writes: the database is never left without
/// them for good. Unique indexes stay: the writes rely on them (ON CONFLICT upserts, one id per article). So do
/// <see cref="DeferredIndexes.KeptIndex"/> and <see cref="DeferredIndexes.UnstampedIndex"/>.
/// </summary>
internal static class SqliteDeferredIndexes
{
    private const string Mark = DeferredIndexes.Mark;

    private const string Deferred = $"""
        type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND name NOT IN ({DeferredIndexes.KeptList})
        OR type = 'trigger' AND name IN ('ArticlesFtsInsert', 'ArticlesFtsDelete', 'ArticlesFtsUpdate')
        """;

    public static async Task DeferAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await IsMarkedAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        await ExecuteAsync(connection, transaction, $"CREATE TABLE {Mark} AS SELECT type AS Type, name AS Name, sql AS Sql FROM sqlite_master WHERE {Deferred}", cancellationToken);
        foreach (var (type, name, _) in await ReadMarkAsync(connection, transaction, cancellationToken))
        {
            await ExecuteAsync(connection, transaction, $"DROP {type.ToUpperInvariant()} \"{name}\"", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Builds what <see cref="DeferAsync"/> set aside, if anything, and the full-text index from the rows. Each index is
    /// built in a transaction of its own that also strikes it from the mark, so a pass cut short in between rebuilds only
    /// the rest, and the write-ahead log is checkpointed between them instead of holding every new index at once. The
    /// triggers, the full-text rebuild and the mark's removal come last, in one transaction.
    /// </summary>
    public static async Task RestoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        List<(string Type, string Name, string Sql)> deferred;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (!await IsMarkedAsync(connection, transaction, cancellationToken))
            {
                return;
            }

            deferred = await ReadMarkAsync(connection, transaction, cancellationToken);
        }

        await using (await SqliteSorterSettings.ApplyAsync(connection, cancellationToken))
        {
            foreach (var (_, name, sql) in deferred.Where(entry => entry.Type == "index"))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, $"DELETE FROM {Mark} WHERE Type = 'index' AND Name = '{name.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (_, _, sql) in deferred.Where(entry => entry.Type != "index"))
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
            }

            // The triggers were off while rows came in: the index is made from the content table in one go.
            await ExecuteAsync(connection, transaction, "INSERT INTO ArticlesFts(ArticlesFts) VALUES ('rebuild')", cancellationToken);
            await ExecuteAsync(connection, transaction, $"DROP TABLE {Mark}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<bool> IsMarkedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Mark}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<List<(string Type, string Name, string Sql)>> ReadMarkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Indexes before triggers; the order of the DDL does not matter otherwise.
        command.CommandText = $"SELECT Type, Name, Sql FROM {Mark} ORDER BY Type, Name";
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // DDL read back from sqlite_master, and names from it: never text from outside.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
