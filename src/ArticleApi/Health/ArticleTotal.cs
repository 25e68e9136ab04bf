using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Health;

/// <summary>
/// The article count readiness reports, counted once per data version. Probes come every few seconds from every
/// replica, and on PostgreSQL <c>count(*)</c> reads the whole table (1,000,000 articles: over 2 GB); the schema query
/// still reaches the database on every probe.
/// </summary>
internal sealed class ArticleTotal(DataVersion dataVersion)
{
    // A reference, so concurrent probes read a whole pair, never half of one.
    private Counted? _last;

    public async Task<long> GetAsync(ArticleDbContext db, CancellationToken cancellationToken)
    {
        var version = await dataVersion.GetAsync(cancellationToken);
        if (_last is { } last && last.Version == version)
        {
            return last.Count;
        }

        var count = await db.Articles.LongCountAsync(cancellationToken);
        _last = new Counted(version, count);
        return count;
    }

    private sealed record Counted(long Version, long Count);
}
