using System.Data.Common;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Keeps SQLite's planner statistics (<c>sqlite_stat1</c>) current. Without them SQLite guesses that an equality on
/// any index is selective: <c>published=true&amp;sort=-quality</c> then read the Published index and sorted 300,000 of
/// 1,000,000 rows (0.78 s) instead of walking the quality index and stopping after a page. With them it knows
/// <c>Published</c> holds two values and walks the sort order. After much change it also merges the full-text index
/// into one segment (FTS5's <c>optimize</c>): a load leaves several (7 after 100,000 articles, 11 after 1,000,000), and
/// every search probes each of them for each article it tests; merged, a frequent word's page and its snippets cost a
/// third of the CPU (BENCHMARKS.md). The merge costs 0.3 s of CPU at 100,000 articles, 2.7 s at 1,000,000.
/// </summary>
internal static class SqliteStatistics
{
    /// <summary>Rows sampled per index by ANALYZE: stat1 only needs averages, and a full ANALYZE of 1,000,000 articles takes seconds.</summary>
    public const int AnalysisLimit = 4000;

    /// <summary>
    /// ANALYZE and the full-text merge when the articles were never analyzed or their number moved by more than a
    /// quarter since (a fresh database, a first import, a pass that changed much); otherwise <c>PRAGMA optimize</c>, which costs next to
    /// nothing when nothing changed.
    /// </summary>
    public static async Task RefreshAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var analyzed = await ScalarAsync(connection,
            "SELECT CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER) FROM sqlite_stat1 WHERE tbl = 'Articles' LIMIT 1",
            cancellationToken, missingTable: true);
        var rows = await ScalarAsync(connection, "SELECT count(*) FROM Articles", cancellationToken);
        var stale = analyzed is null || Math.Abs(rows!.Value - analyzed.Value) * 4 > Math.Max(analyzed.Value, 1);
        await using var command = connection.CreateCommand();
        command.CommandText = stale
            ? $"PRAGMA analysis_limit = {AnalysisLimit}; ANALYZE; PRAGMA analysis_limit = 0; INSERT INTO ArticlesFts(ArticlesFts) VALUES ('optimize');"
            : "PRAGMA optimize;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, bool missingTable = false)
    {
        if (missingTable)
        {
            // sqlite_stat1 exists only once something was analyzed.
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
