using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Data;

/// <summary>
/// Prepares the schema before the server takes its first request (a hosted service starts before Kestrel listens), and
/// releases the database on stop: registered first, it stops last, after the import worker has rolled back or finished.
/// On a shared server only the importing process (<c>Import:Enabled=true</c>) prepares it; replicas report not ready
/// until it is there.
/// </summary>
internal sealed partial class SchemaInitializer(
    IDbContextFactory<ArticleDbContext> contextFactory, IDatabaseSchema schema, IConfiguration configuration, ILogger<SchemaInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!schema.PreparedByEveryProcess && !configuration.GetValue("Import:Enabled", true))
        {
            LogLeftToImporter();
            return;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await schema.EnsureAsync(context, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        schema.ReleaseConnections();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import:Enabled=false: the importer prepares the schema; this replica is not ready until it exists")]
    private partial void LogLeftToImporter();
}
