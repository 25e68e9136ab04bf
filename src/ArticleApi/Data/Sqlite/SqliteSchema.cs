using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// Everything SQLite-specific about the schema: WAL, the FTS5 index over title and excerpt and the triggers that keep
/// it in step. The database is derived data, rebuilt from the files: when <see cref="Version"/> differs from the file's
/// <c>user_version</c>, the tables are dropped and made anew, and the next import pass fills them.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Bump when the model or the SQL below changes.</summary>
    public const int Version = 2;

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

    public static async Task EnsureAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        EnsureFolder(context.Database.GetConnectionString());
        if (await ReadVersionAsync(context, cancellationToken) != Version)
        {
            await context.Database.EnsureDeletedAsync(cancellationToken);
            await context.Database.EnsureCreatedAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync(FullTextSql, cancellationToken);
            await context.Database.ExecuteSqlRawAsync($"PRAGMA user_version = {Version};", cancellationToken);
        }

        // WAL is a property of the file: readers keep being served while an import pass writes.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The version the file holds; <see cref="Version"/> when its schema is current.</summary>
    public static async Task<long> ReadVersionAsync(ArticleDbContext context, CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);

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
