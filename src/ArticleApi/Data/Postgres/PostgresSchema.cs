using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// The schema on PostgreSQL: the migrations in <c>Postgres/Migrations</c> (tables, and a <c>tsvector</c> column over
/// title and excerpt with its GIN index). Only the importing process applies them, under an advisory lock, so two
/// importers starting together do not both migrate; replicas wait, not ready, until the history shows them applied.
/// </summary>
internal sealed class PostgresSchema : IDatabaseSchema
{
    /// <summary>
    /// The text search configuration the migration creates: PostgreSQL's <c>simple</c> (no stemming, no stop words,
    /// like SQLite's unicode61) with accents removed by <c>unaccent</c> (like remove_diacritics).
    /// </summary>
    public const string TextSearchConfiguration = "articleapi";

    /// <summary>Held while migrations are applied ("ArtiSchm").</summary>
    private const long SchemaLockKey = 0x4172_7469_5363_686D;

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
            await context.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None);
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The server's own settings serve bulk writes well; nothing to change per connection.</summary>
    public Task PrepareBulkWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndBulkWriteAsync(System.Data.Common.DbConnection connection) => Task.CompletedTask;

    public void ReleaseConnections() => NpgsqlConnection.ClearAllPools();
}
