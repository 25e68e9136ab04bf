using ArticleApi.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// The schema on SQLite: the migrations in <c>Sqlite/Migrations</c> (tables, and the FTS5 index over title, excerpt
/// and body with the triggers that keep it in step), the body left out of that index or put back as
/// <see cref="SearchOptions.IndexBody"/> asks (<see cref="SqliteBodyIndex"/>), then WAL. Every process prepares its
/// own file; the folder is created.
/// </summary>
internal sealed class SqliteSchema(IOptions<SearchOptions> search, ILogger<SqliteSchema> logger) : IDatabaseSchema, IDisposable
{
    /// <summary>One process owns the file: it prepares the schema whatever its role.</summary>
    public bool PreparedByEveryProcess => true;

    /// <summary>EF's own check asks sqlite_master, which never fails.</summary>
    public Task<bool> HasMigrationsHistoryAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        context.GetService<IHistoryRepository>().ExistsAsync(cancellationToken);

    public async Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        EnsureFolder(context.Database.GetConnectionString());
        // Files made before migrations carry a user_version and no migrations history. The database is derived data,
        // rebuilt from the files: such a file is dropped, made anew, and the next import pass fills it.
        if (await context.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken) != 0)
        {
            await context.Database.EnsureDeletedAsync(cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = context.Database.GetDbConnection();
            var indexBody = search.Value.IndexBody;
            await BodyIndexLog.ApplyAsync(logger, indexBody, () => SqliteBodyIndex.ApplyAsync(connection, indexBody, cancellationToken));
            // WAL is a property of the file: readers keep being served while an import pass writes.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // A database made or filled by an older build has no planner statistics: gather them before the first request.
            await SqliteStatistics.RefreshAsync(connection, cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    // Closing the pooled connections checkpoints the WAL into the main file, so a stopped service leaves one file.
    public void ReleaseConnections() => SqliteConnection.ClearAllPools();

    // Again when the services go, after the stop: a request whose scope ended after the stop's release put its
    // connection back in the pool, where it would keep the file open (seen under load in PreparedReadsTests).
    public void Dispose() => ReleaseConnections();

    private static void EnsureFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
