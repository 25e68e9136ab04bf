namespace ArticleApi.Import.Reading;

/// <summary>
/// The listings (<see cref="FolderEntry.List"/>) of the folders a scan visits next, made ahead of it on up to
/// <see cref="AtOnce"/> threads of their own. From a cold cache each file's stat waits for the disk to read its inode:
/// listed one folder after another, the million files' folder took 13.3 s (<c>find -printf '%s %T@'</c>), eight at a
/// time 5.9 s. The scan still takes each listing in its own order, and a listing that failed fails when it is taken,
/// as it would have then.
/// </summary>
internal sealed class FolderListings : IDisposable
{
    /// <summary>Folders listed at once, ahead of the one the scan is at.</summary>
    public const int AtOnce = 8;

    private readonly Dictionary<string, Task<List<FolderEntry>>> _started = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _listed;

    /// <summary>How many listings are under way or made and not yet taken.</summary>
    internal int Waiting => _started.Count;

    /// <summary>How many listings have been made, ahead or not.</summary>
    internal int Listed => Volatile.Read(ref _listed);

    /// <summary>
    /// Starts listing the first of <paramref name="next"/> (the folders the scan visits next, in its order) until
    /// <see cref="AtOnce"/> listings are under way or made and not yet taken.
    /// </summary>
    public void Ahead(IEnumerable<DirectoryInfo> next)
    {
        foreach (var folder in next)
        {
            if (_started.Count >= AtOnce)
            {
                return;
            }

            if (_started.ContainsKey(folder.FullName))
            {
                continue;
            }

            // A thread of its own: the listing waits on the disk, and the thread pool's few threads are the parser's.
            _started.Add(folder.FullName, Task.Factory.StartNew(
                () => _stop.IsCancellationRequested ? [] : List(folder), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
    }

    /// <summary>The listing of <paramref name="folder"/>: the one made ahead, or made now.</summary>
    public List<FolderEntry> Take(DirectoryInfo folder)
    {
        if (!_started.Remove(folder.FullName, out var listing))
        {
            return List(folder);
        }

        // The listing's own exception, not an AggregateException: the scan reports it as it did before.
        return listing.GetAwaiter().GetResult();
    }

    private List<FolderEntry> List(DirectoryInfo folder)
    {
        Interlocked.Increment(ref _listed);
        return FolderEntry.List(folder);
    }

    /// <summary>Leaves the listings not taken (a scan that failed half-way): each ends at its folder.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var listing in _started.Values)
        {
            // Observed, so a failure of a listing no one takes is not reported as unobserved.
            _ = listing.ContinueWith(task => task.Exception, TaskScheduler.Default);
        }

        _stop.Dispose();
    }
}
