using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Articles.Counting;

/// <summary>
/// The <see cref="ArticleColumns"/> of the current data version: read by the first request that counts after the
/// version moves (about a second at a million articles), then shared by every request until it moves again. The
/// previous version's columns are dropped with it.
/// </summary>
internal sealed class ArticleColumnsCache(IDbContextFactory<ArticleDbContext> contextFactory, DataVersion dataVersion) : IDisposable
{
    private readonly PerVersion<ArticleColumns> _columns = new(dataVersion);

    public Task<ArticleColumns> GetAsync(CancellationToken cancellationToken) => _columns.GetAsync(async token =>
    {
        await using var context = await contextFactory.CreateDbContextAsync(token);
        return await ArticleColumnsLoader.LoadAsync(context, token);
    }, cancellationToken);

    public void Dispose() => _columns.Dispose();
}
