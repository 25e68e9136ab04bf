namespace ArticleApi.Data;

/// <summary>
/// Makes sure one import pass runs at a time against a database, even when two importers were started by mistake.
/// </summary>
internal interface IImportLock
{
    /// <summary>The held lock, to dispose when the pass ends; null when another importer holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken);
}
