using ArticleApi.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>Prepares the schema before the server takes its first request (a hosted service starts before Kestrel listens).</summary>
internal sealed class SchemaInitializer(IDbContextFactory<ArticleDbContext> contextFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SqliteSchema.EnsureAsync(context, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
