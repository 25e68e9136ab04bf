using Microsoft.Data.Sqlite;

namespace ArticleApi.Data.Sqlite;

/// <summary>
/// One import pass at a time per database file, across processes: an exclusive lock on a file beside it
/// (<c>articles.db.import-lock</c>), held for the pass. A second process started on the same file, by mistake or by
/// a command-line import while the service runs, skips its pass instead of interleaving writes with the first.
/// </summary>
internal sealed class SqliteImportLock(string connectionString) : IImportLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return Task.FromResult<IAsyncDisposable?>(new Held(null));
        }

        var path = Path.GetFullPath(dataSource) + ".import-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: released when the process dies.
            return Task.FromResult<IAsyncDisposable?>(new Held(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }

    private sealed class Held(FileStream? file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
