using System.Data.Common;
using ArticleApi.Articles;
using ArticleApi.Data;
using Microsoft.EntityFrameworkCore;

namespace ArticleApi.Import;

/// <summary>
/// Writes a pass's decisions with prepared statements on one connection. Each batch is one transaction, so a crash
/// or a cancellation leaves the database as it was before or after a batch, never with half an article; readers are
/// not blocked (WAL). Keys are handed out here (one importer writes at a time), so children need no round trip.
/// </summary>
internal sealed class ArticleWriter(IDbContextFactory<ArticleDbContext> contextFactory)
{
    public async Task<(int Added, int Updated)> WriteAsync(
        IReadOnlyList<PendingItem> pending, IReadOnlyList<StoredArticle> gone, int batchSize, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        var lookups = await WriteLookups.LoadAsync(connection, cancellationToken);
        await using var statements = new ArticleStatements(connection);

        // Deletions first: a new file may take the id a vanished one had.
        foreach (var chunk in gone.Chunk(batchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await DeleteAsync(connection, transaction, [.. chunk.Select(row => row.Key)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var added = 0;
        var updated = 0;
        foreach (var chunk in pending.Chunk(batchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            statements.Transaction = transaction;
            var upserts = chunk.OfType<PendingItem.Upsert>().ToList();
            await DeleteAsync(connection, transaction, [.. upserts.Where(u => u.ExistingKey is not null).Select(u => u.ExistingKey!.Value)], cancellationToken);
            foreach (var upsert in upserts)
            {
                var key = upsert.ExistingKey ?? lookups.NextArticleKey++;
                await statements.InsertAsync(key, upsert.Article, upsert.TopicNames, lookups, cancellationToken);
                added += upsert.ExistingKey is null ? 1 : 0;
                updated += upsert is { ExistingKey: not null, IsRename: false } ? 1 : 0;
            }

            foreach (var restat in chunk.OfType<PendingItem.Restat>())
            {
                await statements.RestatAsync(restat.Key, restat.File, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (gone.Count > 0 || added + updated > 0)
        {
            await RemoveOrphansAsync(context, cancellationToken);
        }

        return (added, updated);
    }

    /// <summary>Deletes articles by key; their images, topics and related links go with them (ON DELETE CASCADE).</summary>
    private static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The keys are integers formatted here, not text from outside.
        command.CommandText = $"DELETE FROM \"Articles\" WHERE \"Key\" IN ({string.Join(",", keys)})";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RemoveOrphansAsync(ArticleDbContext context, CancellationToken cancellationToken)
    {
        await context.Topics.Where(t => !context.ArticleTopics.Any(at => at.TopicId == t.Id)).ExecuteDeleteAsync(cancellationToken);
        await context.Providers.Where(p => !context.Articles.Any(a => a.ProviderDomain == p.Domain)).ExecuteDeleteAsync(cancellationToken);
    }
}
