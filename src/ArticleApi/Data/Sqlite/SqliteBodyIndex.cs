using System.Data.Common;
using System.Globalization;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Whether the FTS5 table <c>ArticlesFts</c> has the body as a column (<see cref="SearchOptions.IndexBody"/>). Its
/// content is read from <c>Articles</c>, which always stores the body, so a column cannot be switched off inside the
/// table: a change makes the table and its three triggers anew with or without <c>Body</c> and rebuilds the index from
/// the rows already stored, merged into one segment (as <see cref="SqliteStatistics"/> does after a load), in one
/// transaction. Run at start-up, before any import pass.
/// </summary>
internal static class SqliteBodyIndex
{
    private static readonly string[] Without = ["Title", "Excerpt"];
    private static readonly string[] With = ["Title", "Excerpt", "Body"];

    /// <summary>Makes the index hold the body or not; nothing when it already does as asked. True when it changed.</summary>
    public static async Task<bool> ApplyAsync(DbConnection connection, bool indexBody, CancellationToken cancellationToken)
    {
        if (await HoldsBodyAsync(connection, cancellationToken) == indexBody)
        {
            return false;
        }

        // A load cut short left the triggers set aside with their DDL, which names the old columns: built first, so
        // the mark is gone and the table below is made whole, with triggers that match it.
        await SqliteDeferredIndexes.RestoreAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // DDL from constant column names only.
        command.CommandText = Ddl(indexBody);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether <c>ArticlesFts</c> has a <c>Body</c> column.</summary>
    public static async Task<bool> HoldsBodyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('ArticlesFts') WHERE name = 'Body'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// The table and triggers as the <c>SearchBody</c> migration makes them (with the body) or as the one before it
    /// did (without), then the index rebuilt from <c>Articles</c>.
    /// </summary>
    internal static string Ddl(bool indexBody)
    {
        var columns = indexBody ? With : Without;
        var names = string.Join(", ", columns);
        var values = (string prefix) => string.Join(", ", columns.Select(c => prefix + "." + c));
        return $"""
            DROP TRIGGER IF EXISTS ArticlesFtsInsert;
            DROP TRIGGER IF EXISTS ArticlesFtsDelete;
            DROP TRIGGER IF EXISTS ArticlesFtsUpdate;
            DROP TABLE IF EXISTS ArticlesFts;
            CREATE VIRTUAL TABLE ArticlesFts USING fts5(
                {names}, content='Articles', content_rowid='Key', tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER ArticlesFtsInsert AFTER INSERT ON Articles BEGIN
                INSERT INTO ArticlesFts(rowid, {names}) VALUES (new."Key", {values("new")});
            END;
            CREATE TRIGGER ArticlesFtsDelete AFTER DELETE ON Articles BEGIN
                INSERT INTO ArticlesFts(ArticlesFts, rowid, {names}) VALUES ('delete', old."Key", {values("old")});
            END;
            CREATE TRIGGER ArticlesFtsUpdate AFTER UPDATE OF {names} ON Articles BEGIN
                INSERT INTO ArticlesFts(ArticlesFts, rowid, {names}) VALUES ('delete', old."Key", {values("old")});
                INSERT INTO ArticlesFts(rowid, {names}) VALUES (new."Key", {values("new")});
            END;
            INSERT INTO ArticlesFts(ArticlesFts) VALUES ('rebuild');
            INSERT INTO ArticlesFts(ArticlesFts) VALUES ('optimize');
            """;
    }
}
