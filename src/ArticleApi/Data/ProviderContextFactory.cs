using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>Hands out the provider's derived context (pooled) wherever the code asks for an <see cref="ArticleDbContext"/>.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ArticleDbContext>
    where TContext : ArticleDbContext
{
    public ArticleDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ArticleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
