namespace ArticleApi.Data;

/// <summary>
/// The one way to keep a value computed from the database until the data version moves: the first caller after a
/// move computes it (one computation at a time, however many requests arrive meanwhile), everyone else reads the kept
/// value. A value is always paired with the version it was computed at, so a reader never sees a stale one as fresh.
/// </summary>
internal sealed class PerVersion<T>(DataVersion dataVersion) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // A reference, so concurrent readers see a whole (version, value) pair, never half of one.
    private Entry? _entry;

    /// <summary>The value for the current data version, computed by <paramref name="compute"/> when there is none yet.</summary>
    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        if (Volatile.Read(ref _entry) is { } kept && kept.Version == version)
        {
            return kept.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_entry is { } fresh && fresh.Version == version)
            {
                return fresh.Value;
            }

            var value = await compute(cancellationToken);
            Volatile.Write(ref _entry, new Entry(version, value));
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The value for the current data version when it has been computed, else the default.</summary>
    public async Task<T?> PeekAsync(CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        return Volatile.Read(ref _entry) is { } kept && kept.Version == version ? kept.Value : default;
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Entry(long Version, T Value);
}
