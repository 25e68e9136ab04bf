using System.Data.Common;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// ANALYZE after an import pass that changed much. Autovacuum would get there too, but only after a delay and a
/// threshold; until then the planner plans a freshly imported 1,000,000 articles as if the tables were empty.
/// </summary>
internal static class PostgresStatistics
{
    /// <summary>
    /// The tables of the current schema never analyzed, or with more than a tenth of their rows changed since (the
    /// server's own counters, which may trail the last commit by a moment: autovacuum covers what they miss).
    /// </summary>
    private const string StaleTables = """
        SELECT quote_ident(relname) FROM pg_stat_user_tables
        WHERE schemaname = current_schema()
          AND ((last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup > 0) OR n_mod_since_analyze * 10 > greatest(n_live_tup, 1000))
        """;

    public static async Task RefreshAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = StaleTables;
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            return;
        }

        await using var analyze = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the catalogue, quoted by quote_ident.
        analyze.CommandText = $"ANALYZE {string.Join(", ", tables)}";
#pragma warning restore CA2100
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
