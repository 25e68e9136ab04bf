using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Everything SQLite-specific about the schema: WAL, the FTS5 index over title and excerpt and the triggers that keep
/// it in step. The database is derived data, rebuilt from the files: when <see cref="CurrentVersion"/> differs from the file's
/// <c>user_version</c>, the tables are dropped and made anew, and the next import pass fills them.
/// </summary>
internal sealed class SqliteSchema : IDatabaseSchema
{
    /// <summary>Bump when the model or the SQL below changes.</summary>
    public const int CurrentVersion = 2;

    public long Version => CurrentVersion;

    /// <summary>One process owns the file: it prepares the schema whatever its role.</summary>
    public bool PreparedByEveryProcess => true;

    private const string FullTextSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS ArticlesFts USING fts5(
            Title, Excerpt, content='Articles', content_rowid='Key', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS ArticlesFtsInsert AFTER INSERT ON Articles BEGIN
            INSERT INTO ArticlesFts(rowid, Title, Excerpt) VALUES (new."Key", new.Title, new.Excerpt);
        END;
        CREATE TRIGGER IF NOT EXISTS ArticlesFtsDelete AFTER DELETE ON Articles BEGIN
            INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt) VALUES ('delete', old."Key", old.Title, old.Excerpt);
        END;
        CREATE TRIGGER IF NOT EXISTS ArticlesFtsUpdate AFTER UPDATE OF Title, Excerpt ON Articles BEGIN
            INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Excerpt) VALUES ('delete', old."Key", old.Title, old.Excerpt);
            INSERT INTO ArticlesFts(rowid, Title, Excerpt) VALUES (new."Key", new.Title, new.Excerpt);
        END;
        """;

    public async Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        EnsureFolder(context.Database.GetConnectionString());
        if (await ReadVersionAsync(context, cancellationToken) != CurrentVersion)
        {
            await context.Database.EnsureDeletedAsync(cancellationToken);
            await context.Database.EnsureCreatedAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync(FullTextSql, cancellationToken);
            await context.Database.ExecuteSqlRawAsync($"PRAGMA user_version = {CurrentVersion};", cancellationToken);
        }

        // WAL is a property of the file: readers keep being served while an import pass writes.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The version the file holds; <see cref="CurrentVersion"/> when its schema is current.</summary>
    public async Task<long> ReadVersionAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);

    // Closing the pooled connections checkpoints the WAL into the main file, so a stopped service leaves one file.
    public void ReleaseConnections() => SqliteConnection.ClearAllPools();

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
