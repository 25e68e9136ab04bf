namespace ArticleApi.Data;

/// <summary>
/// The one way to keep a value computed from the database until the data version moves: the first caller after a
/// move starts the computation (one at a time, however many requests arrive meanwhile), everyone else waits for it or
/// reads the kept value. A value is always paired with the version it was computed at, so a reader never sees a stale
/// one as fresh. The computation is not the caller's: a caller that gives up (a client's timeout, a closed connection)
/// stops waiting, the computation goes on for the others. It took the first caller's token, so a load generator
/// stopping, or any impatient client, cancelled a second of shared work that the next request began again, and
/// everyone waited twice (BENCHMARKS.md, "Pages written by the generated serializer, searches queued, shared work
/// kept from impatient callers"). Disposal (the service's stop) cancels it.
/// </summary>
internal sealed class PerVersion<T>(DataVersion dataVersion) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();

    // A reference, so concurrent readers see a whole (version, value) pair, never half of one.
    private Entry? _entry;
    private Computation? _computing;
    private int _disposed;

    /// <summary>The value for the current data version, computed by <paramref name="compute"/> when there is none yet.</summary>
    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        if (Volatile.Read(ref _entry) is { } kept && kept.Version == version)
        {
            return kept.Value;
        }

        Task<T> shared;
        lock (_lock)
        {
            if (_entry is { } fresh && fresh.Version == version)
            {
                return fresh.Value;
            }

            // A failed computation is not shared with later callers: the next one tries again. It runs on the thread
            // pool, not under the lock nor on this caller's thread: on SQLite a whole computation can run without
            // yielding (its reads complete synchronously), and callers arriving meanwhile must wait without a thread.
            if (_computing is not { } computing || computing.Version != version || computing.Task.IsFaulted || computing.Task.IsCanceled)
            {
                var previous = _computing?.Task;
                computing = new Computation(version, Task.Run(() => ComputeAsync(version, compute, previous), CancellationToken.None));
                _computing = computing;
            }

            shared = computing.Task;
        }

        return await shared.WaitAsync(cancellationToken);
    }

    /// <summary>The value for the current data version when it has been computed, else the default.</summary>
    public async Task<T?> PeekAsync(CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        return Volatile.Read(ref _entry) is { } kept && kept.Version == version ? kept.Value : default;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

#pragma warning disable CA1031 // The previous computation's outcome belongs to its callers; this one only waits for it to end.
    private async Task<T> ComputeAsync(long version, Func<CancellationToken, Task<T>> compute, Task<T>? previous)
    {
        // One computation at a time: the one for an older version ends first (and writes its entry first).
        if (previous is not null)
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }

        var value = await compute(StoppingToken()).ConfigureAwait(false);
        Volatile.Write(ref _entry, new Entry(version, value));
        return value;
    }
#pragma warning restore CA1031

    private CancellationToken StoppingToken()
    {
        try
        {
            return _stopping.Token;
        }
        catch (ObjectDisposedException)
        {
            return new CancellationToken(canceled: true); // asked for after the stop
        }
    }

    private sealed record Entry(long Version, T Value);

    private sealed record Computation(long Version, Task<T> Task);
}
