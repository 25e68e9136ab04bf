using System.Data.Common;
using ArticleApi.Data;
using ArticleApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArticleApi.Import.Writing;

/// <summary>
/// Writes a pass's decisions on one connection held for the pass, rows travelling the engine's fastest way
/// (<see cref="IBulkWriter.CreateInsert"/>). Each batch is one transaction, so a crash or a cancellation leaves
/// the database as it was before or after a batch, never with half an article; readers are not blocked. Keys are handed out here (one importer writes at a time), so children
/// need no round trip.
/// </summary>
internal sealed class ArticleWriter : IAsyncDisposable
{
    private readonly ArticleDbContext _context;
    private readonly DbConnection _connection;
    private readonly WriteLookups _lookups;
    private readonly ArticleStatements _statements;
    private readonly int _batchSize;
    private readonly long _passId;
    private readonly IBulkWriter _bulk;
    private int _batches;

    private ArticleWriter(ArticleDbContext context, IBulkWriter bulk, WriteLookups lookups, int batchSize, long passId)
    {
        _bulk = bulk;
        _passId = passId;
        _context = context;
        _connection = context.Database.GetDbConnection();
        _lookups = lookups;
        _statements = new ArticleStatements(_connection, bulk);
        _batchSize = batchSize;
    }

    public static async Task<ArticleWriter> OpenAsync(
        IDbContextFactory<ArticleDbContext> contextFactory, IBulkWriter bulk, long passId, int batchSize, CancellationToken cancellationToken)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        await bulk.PrepareAsync(context.Database.GetDbConnection(), cancellationToken);
        // A load cut short may have left indexes set aside: they are built before anything else is written.
        await bulk.RestoreIndexesAsync(context.Database.GetDbConnection(), cancellationToken);
        var lookups = await WriteLookups.LoadAsync(context.Database.GetDbConnection(), cancellationToken);
        return new ArticleWriter(context, bulk, lookups, batchSize, passId);
    }

    /// <summary>Writes one batch in one transaction and says how many articles it added, updated and renamed.</summary>
    public async Task<BatchCounts> WriteBatchAsync(IReadOnlyList<PendingItem> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return new BatchCounts(0, 0, 0);
        }

        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        _statements.Transaction = transaction;
        var upserts = batch.OfType<PendingItem.Upsert>().ToList();
        // Replace, not patch: children (images, topics, related) are rewritten whole, and the key is kept.
        await DeleteKeysAsync(transaction, [.. upserts.Where(u => u.ExistingKey is not null).Select(u => u.ExistingKey!.Value)], cancellationToken);
        // A failed batch ends the pass (and this writer with it), so the in-memory lookups never outlive a rollback.
        foreach (var upsert in upserts)
        {
            await _statements.InsertAsync(upsert.ExistingKey ?? _lookups.NextArticleKey++, upsert.Article, upsert.TopicNames, _lookups, cancellationToken);
        }

        foreach (var restat in batch.OfType<PendingItem.Restat>())
        {
            await _statements.RestatAsync(restat.Key, restat.File, cancellationToken);
        }

        await _statements.FlushAsync(cancellationToken);

        if (upserts.Count > 0)
        {
            await MoveDataVersionAsync(transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await _bulk.AfterBatchAsync(_connection, ++_batches, cancellationToken);

        var added = upserts.Count(u => u.ExistingKey is null);
        var renamed = upserts.Count(u => u.ExistingKey is not null && u.IsRename);
        return new BatchCounts(added, upserts.Count - added - renamed, renamed);
    }

    /// <summary>Into an empty database: indexes are built once at the end (<see cref="FinishLoadAsync"/>), not row by row.</summary>
    public Task StartLoadAsync(CancellationToken cancellationToken) => _bulk.DeferIndexesAsync(_connection, cancellationToken);

    /// <summary>Builds the indexes <see cref="StartLoadAsync"/> set aside; nothing when none were.</summary>
    public Task FinishLoadAsync(CancellationToken cancellationToken) => _bulk.RestoreIndexesAsync(_connection, cancellationToken);

    /// <summary>Deletes articles by key, a batch per transaction; their images, topics and links go with them (ON DELETE CASCADE).</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<long> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(_batchSize))
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            await DeleteKeysAsync(transaction, chunk, cancellationToken);
            await MoveDataVersionAsync(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return keys.Count;
    }

    /// <summary>Topics and providers no article names any more.</summary>
    public async Task RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await _context.Database.BeginTransactionAsync(cancellationToken);
        await _context.Topics.Where(t => !_context.ArticleTopics.Any(at => at.TopicId == t.Id)).ExecuteDeleteAsync(cancellationToken);
        await _context.Providers.Where(p => !_context.Articles.Any(a => a.ProviderDomain == p.Domain)).ExecuteDeleteAsync(cancellationToken);
        await MoveDataVersionAsync(transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _statements.DisposeAsync();
        await _bulk.EndAsync(_connection);
        await _context.DisposeAsync();
    }

    /// <summary>Moves the data version inside the write's own transaction: readers see new data and a new version together.</summary>
    private async Task MoveDataVersionAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE "ImportRuns" SET "DataVersion" = (SELECT COALESCE(MAX("DataVersion"), 0) + 1 FROM "ImportRuns"), "Changed" = @changed
            WHERE "Id" = @pass
            """;
        var changed = command.CreateParameter();
        changed.ParameterName = "@changed";
        changed.Value = true;
        var pass = command.CreateParameter();
        pass.ParameterName = "@pass";
        pass.Value = _passId;
        command.Parameters.Add(changed);
        command.Parameters.Add(pass);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task DeleteKeysAsync(DbTransaction transaction, long[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The keys are integers formatted here, not text from outside.
        command.CommandText = $"DELETE FROM \"Articles\" WHERE \"Key\" IN ({string.Join(",", keys)})";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
