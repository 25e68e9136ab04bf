using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>
/// The data version: the highest <c>ImportRuns.DataVersion</c>, which every import write moves in its own transaction,
/// read from the database so every process serving one database agrees. Cached for at most <see cref="MaxAge"/> so a burst of requests costs one
/// read; an import in this process calls <see cref="Invalidate"/> so its own responses move on at once.
/// </summary>
internal sealed class DataVersion(IDbContextFactory<ArticleDbContext> contextFactory, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private long _version;
    private long _readAt;
    private bool _valid;
    private long _generation;

    public async Task<long> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_valid && time.GetElapsedTime(_readAt) < MaxAge)
            {
                return _version;
            }
        }

        long generation;
        lock (_lock)
        {
            generation = _generation;
        }

        var readAt = time.GetTimestamp();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var version = await context.ImportRuns.MaxAsync(r => (long?)r.DataVersion, cancellationToken) ?? 0;
        lock (_lock)
        {
            // A read that raced an invalidation may have seen the old version: answer with it, but do not keep it.
            if (generation == _generation)
            {
                _version = version;
                _readAt = readAt;
                _valid = true;
            }
        }

        return version;
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _valid = false;
            _generation++;
        }
    }
}
