using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Health;

/// <summary>
/// The article count readiness reports, counted once per data version. Probes come every few seconds from every
/// replica, and on PostgreSQL <c>count(*)</c> reads the whole table (1,000,000 articles: over 2 GB); the schema query
/// still reaches the database on every probe.
/// </summary>
internal sealed class ArticleTotal(DataVersion dataVersion) : IDisposable
{
    private readonly PerVersion<long> _count = new(dataVersion);

    public Task<long> GetAsync(ArticleDbContext db, CancellationToken cancellationToken) =>
        _count.GetAsync(db.Articles.LongCountAsync, cancellationToken);

    public void Dispose() => _count.Dispose();
}
