using System.Data.Common;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// Whether the generated <c>SearchVector</c> column holds the body's lexemes (weight C) as well as the title's (A) and
/// the excerpt's (B): <see cref="SearchOptions.IndexBody"/>. A generated column's expression cannot be altered on
/// PostgreSQL 15, so a change drops the column and its GIN index and adds them again, computed from the rows already
/// stored (the body is always stored), in one transaction. Run by the importer at start-up, under the schema lock.
/// </summary>
internal static class PostgresBodyIndex
{
    /// <summary>Makes the vector hold the body or not; nothing when it already does as asked. True when it changed.</summary>
    public static async Task<bool> ApplyAsync(DbConnection connection, bool indexBody, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await HoldsBodyAsync(connection, transaction, cancellationToken) == indexBody)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Every row's vector is computed again: minutes on a large table, never cut off by the default 30 s.
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // DDL from constants only.
        command.CommandText = Ddl(indexBody);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the expression of <c>SearchVector</c> reads the <c>Body</c> column.</summary>
    public static async Task<bool> HoldsBodyAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT coalesce(bool_or(pg_get_expr(d.adbin, d.adrelid) LIKE '%"Body"%'), false)
            FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = to_regclass('"Articles"') AND a.attname = 'SearchVector'
            """;
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The column and index as the <c>SearchBody</c> migration makes them (with the body) or as the one before it did.</summary>
    internal static string Ddl(bool indexBody)
    {
        var body = indexBody ? " ||\n    setweight(to_tsvector('articleapi'::regconfig, coalesce(\"Body\", '')), 'C')" : "";
        return $"""
            DROP INDEX IF EXISTS "IX_Articles_SearchVector";
            ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";
            ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('articleapi'::regconfig, coalesce("Title", '')), 'A') ||
                setweight(to_tsvector('articleapi'::regconfig, coalesce("Excerpt", '')), 'B'){body}) STORED;
            CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
            """;
    }
}
