using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleApi.Data.Postgres;

/// <summary>
/// The schema on PostgreSQL: the migrations in <c>Postgres/Migrations</c> (tables, and a <c>tsvector</c> column over
/// title, excerpt and body with its GIN index), then the body left out of that column or put back as
/// <see cref="SearchOptions.IndexBody"/> asks (<see cref="PostgresBodyIndex"/>). Only the importing process applies them, under an advisory lock, so two
/// importers starting together do not both migrate; replicas wait, not ready, until the history shows them applied.
/// </summary>
internal sealed class PostgresSchema(IOptions<SearchOptions> search, ILogger<PostgresSchema> logger) : IDatabaseSchema
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

    /// <summary>
    /// The provider's own check always answers yes on PostgreSQL and lets the read fail instead; <c>to_regclass</c>
    /// resolves the unqualified name through the search path exactly as EF's statements do.
    /// </summary>
    public async Task<bool> HasMigrationsHistoryAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<bool>(
            $"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);

    public async Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await CreateDatabaseAsync(context.Database.GetConnectionString()!, cancellationToken);
        }

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken);
            // EF reads the history before creating it and logs the failed read as an error (npgsql/efcore.pg#3407):
            // creating it first, with EF's own script, keeps a first start's log free of false alarms.
            await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
            var indexBody = search.Value.IndexBody;
            await BodyIndexLog.ApplyAsync(logger, indexBody, () => PostgresBodyIndex.ApplyAsync(context.Database.GetDbConnection(), indexBody, cancellationToken));
        }
        finally
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None);
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates the database from the server's maintenance database. Not through EF: two importers starting together
    /// both try, and EF would log the loser's "already exists", which is expected here, as a failed command.
    /// </summary>
    private static async Task CreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // An identifier cannot be a parameter; it is quoted, with its quotes doubled.
        command.CommandText = $"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
#pragma warning restore CA2100
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase
            || (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == "pg_database_datname_index"))
        {
            // Another importer created it a moment ago: "already exists" once its CREATE has committed, a unique
            // violation in the catalogue while both are in flight.
        }
    }

    public void ReleaseConnections() => NpgsqlConnection.ClearAllPools();
}
