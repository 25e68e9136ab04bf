using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// Everything PostgreSQL-specific about the schema: the model's tables, a <c>tsvector</c> column over title and
/// excerpt with its GIN index, and the version, kept as the comment of the <c>Articles</c> table. As on SQLite the
/// database is derived data: when the version differs, the model's tables are dropped and made anew and the next
/// import pass fills them. Only the importing process runs <see cref="EnsureAsync"/>, under an advisory lock, so two
/// importers starting together do not both create tables.
/// </summary>
internal sealed class PostgresSchema : IDatabaseSchema
{
    /// <summary>Bump when the model or the SQL below changes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// The text search configuration: PostgreSQL's <c>simple</c> (no stemming, no stop words, like SQLite's unicode61)
    /// with accents removed by <c>unaccent</c> (like remove_diacritics), so a word matches the same way on both engines.
    /// </summary>
    public const string TextSearchConfiguration = "articleapi";

    private const string VersionPrefix = "ArticleApi schema version ";

    /// <summary>Held while the schema is checked and built ("ArtiSchm").</summary>
    private const long SchemaLockKey = 0x4172_7469_5363_686D;

    private const string FullTextSql = $"""
        CREATE EXTENSION IF NOT EXISTS unaccent;
        DROP TEXT SEARCH CONFIGURATION IF EXISTS {TextSearchConfiguration};
        CREATE TEXT SEARCH CONFIGURATION {TextSearchConfiguration} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {TextSearchConfiguration} ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
        -- Title weighs A and excerpt B: ts_rank's weights then rank a title match above an excerpt-only match.
        ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{TextSearchConfiguration}'::regconfig, coalesce("Title", '')), 'A') ||
            setweight(to_tsvector('{TextSearchConfiguration}'::regconfig, coalesce("Excerpt", '')), 'B')) STORED;
        CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
        """;

    public long Version => CurrentVersion;

    /// <summary>Replicas share the server: only the importer prepares it, they wait.</summary>
    public bool PreparedByEveryProcess => false;

    public async Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another importer created it a moment ago.
            }
        }

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken);
            if (await ReadVersionAsync(context, cancellationToken) != CurrentVersion)
            {
                await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
                foreach (var table in context.Model.GetRelationalModel().Tables)
                {
#pragma warning disable EF1002 // Table names come from this assembly's model, not from outside.
                    await context.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS \"{table.Name}\" CASCADE", cancellationToken);
#pragma warning restore EF1002
                }

                await creator.CreateTablesAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync(FullTextSql, cancellationToken);
                // Written last, in the same transaction: a half-built schema never looks current.
                await context.Database.ExecuteSqlRawAsync($"COMMENT ON TABLE \"Articles\" IS '{VersionPrefix}{CurrentVersion}'", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None);
            await context.Database.CloseConnectionAsync();
        }
    }

    public async Task<long> ReadVersionAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        // to_regclass answers null rather than failing while the table does not exist yet.
        var comment = await context.Database
            .SqlQueryRaw<string>("SELECT COALESCE(obj_description(to_regclass('\"Articles\"'), 'pg_class'), '') AS \"Value\"")
            .SingleAsync(cancellationToken);
        return comment.StartsWith(VersionPrefix, StringComparison.Ordinal)
            && long.TryParse(comment.AsSpan(VersionPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
    }

    public void ReleaseConnections() => NpgsqlConnection.ClearAllPools();
}
