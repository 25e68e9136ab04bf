using ArticleApi.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>
/// Prepares the schema before the server takes its first request (a hosted service starts before Kestrel listens), and
/// releases the database on stop: registered first, it stops last, after the import worker has rolled back or finished.
/// </summary>
internal sealed class SchemaInitializer(IDbContextFactory<ArticleDbContext> contextFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SqliteSchema.EnsureAsync(context, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Closing the pooled connections checkpoints the WAL into the main file, so a stopped service leaves one file.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
