namespace ArticleApi.Data.Sqlite;

/// <summary>
/// On SQLite one process owns the file and its import coordinator already runs one pass at a time: nothing to lock.
/// </summary>
internal sealed class SqliteImportLock : IImportLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NotHeld.Instance);

    private sealed class NotHeld : IAsyncDisposable
    {
        public static readonly NotHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
