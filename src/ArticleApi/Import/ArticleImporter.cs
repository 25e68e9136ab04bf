using System.Threading.Channels;
using ArticleApi.Changes;
using ArticleApi.Data;
using ArticleApi.Import.Reading;
using ArticleApi.Import.Reading.FrontMatter;
using ArticleApi.Import.Writing;
using ArticleApi.Model;
using ArticleApi.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Import;

/// <summary>
/// One import pass: scan the folder, compare with what the database holds, and write the difference in batches.
/// A file whose size and modification time are unchanged is not even read; one whose bytes hash the same is not parsed.
/// </summary>
internal sealed partial class ArticleImporter(
    IDbContextFactory<ArticleDbContext> contextFactory,
    IBulkWriter bulk,
    IOptions<ImportOptions> options,
    IOptions<ChangesOptions> changes,
    TimeProvider time,
    ImportTelemetry telemetry,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Runs a pass over <paramref name="sourceDirectory"/> (the configured folder when null).</summary>
    /// <param name="progress">Receives (files handled, files in all) as the pass goes.</param>
    public async Task<ImportReport> RunAsync(string? sourceDirectory = null, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        using var pass = telemetry.StartPass();
        var settings = options.Value;
        var source = Path.GetFullPath(sourceDirectory ?? settings.SourceDirectory);
        var startedAt = time.GetUtcNow();
        await ImportRunLog.CloseInterruptedAsync(contextFactory, startedAt, cancellationToken);
        var mirrored = await ImportRunLog.MirroredFolderAsync(contextFactory, cancellationToken);
        var passId = await ImportRunLog.StartAsync(contextFactory, source, startedAt, cancellationToken);
        LogPassStarted(passId, source);

        try
        {
            if (mirrored is not null && mirrored != source && !settings.AllowSourceChange)
            {
                throw new SourceFolderMismatchException(mirrored, source);
            }

            var report = await PassAsync(passId, source, startedAt, settings, progress, cancellationToken);
            await ImportRunLog.FinishAsync(contextFactory, report, CancellationToken.None);
            await using (var context = await contextFactory.CreateDbContextAsync(CancellationToken.None))
            {
                // The change feed forgets what is older than its retention (GET /changes answers 410 before that).
                await ChangeReader.PruneAsync(context, time.GetUtcNow() - changes.Value.Retention, CancellationToken.None);
            }

            pass.Completed(report);
            var failedPaths = report.Failures.Select(failure => failure.Path).ToList();
            var counts = report.Counts;
            LogPassFinished(passId, counts.Seen, counts.Added, counts.Updated, counts.Renamed, counts.Unchanged, counts.Deleted,
                counts.Skipped, counts.Failed, report.Duration.TotalMilliseconds, failedPaths);
            return report;
        }
        catch (Exception exception)
        {
            pass.Failed(exception);
            var outcome = exception is OperationCanceledException ? "cancelled" : "failed: " + exception.Message;
            await ImportRunLog.AbandonAsync(contextFactory, passId, time.GetUtcNow(), outcome);
            throw;
        }
    }

    /// <summary>Writes what changed, then deletes what vanished and builds what a cold load set aside.</summary>
    private async Task<ImportReport> PassAsync(
        long passId, string source, DateTimeOffset startedAt, ImportOptions settings,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await using var writer = await ArticleWriter.OpenAsync(contextFactory, bulk, passId, settings.BatchSize, cancellationToken);
        // The scan is handed over, never kept here: once the changes are written, nothing holds the folder.
        var (tally, seen, leftToDelete) = await WriteChangesAsync(
            SourceScanner.Scan(source, settings.Exclude, settings.FollowSymlinks), startedAt, settings, writer, progress, cancellationToken);
        tally.Deleted += await writer.DeleteAsync(leftToDelete, cancellationToken);
        FolderMemory.GiveBackAfter(seen);
        await writer.FinishLoadAsync(cancellationToken);
        if (tally.Counts(seen).Changed)
        {
            await writer.RemoveOrphansAsync(cancellationToken);
        }

        return new ImportReport
        {
            PassId = passId,
            SourceDirectory = source,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Counts = tally.Counts(seen),
            Skipped = tally.Skipped,
            Failures = tally.Failures,
        };
    }

    /// <summary>
    /// Reads changed files in batches on every core while the previous batch is written, so memory stays bounded by
    /// the batch size (not the folder size) and parsing overlaps with writing. Returns the tally, the files seen, and
    /// the stored articles left to delete.
    /// </summary>
    private async Task<(PassTally Tally, int Seen, List<long> LeftToDelete)> WriteChangesAsync(
        SourceScan scan, DateTimeOffset startedAt, ImportOptions settings, ArticleWriter writer,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var files = scan.Files;
        var ids = new FolderIds(files.Paths);
        var plan = await PassPlan.BuildAsync(files, ids, StoredArticlesAsync(cancellationToken), scan.IsUnderUnreadableFolder, cancellationToken);
        var tally = new PassTally { Unchanged = plan.UnchangedCount };
        tally.Skipped.AddRange(scan.LeftOut.Select(left => new SkippedFile(left.Path, left.Reason)));
        tally.Failures.AddRange(scan.UnreadableFolders.Select(folder => new FailedFile(folder.Path, 0, 0, folder.Reason)));
        // Never two articles with one id: the file fails, an earlier good version of it stays.
        tally.Failures.AddRange(ids.Collisions.Select(collision => new FailedFile(files.PathAt(collision.Key), 0, 0, collision.Value)));

        var gone = plan.Vanished;
        if (plan.StoredCount == 0 && plan.CandidateCount > 0)
        {
            // Nothing stored yet: every row is new, and indexes built once from them cost less than kept row by row.
            await writer.StartLoadAsync(cancellationToken);
        }

        tally.Deleted += await writer.DeleteAsync(plan.DeleteFirst, cancellationToken);

        var reader = new SourceFileReader(new FrontMatterParser(FrontMatterLimits.Default), settings.MaxFileBytes);
        var done = tally.Unchanged;
        progress?.Report((done, files.Count));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<(Candidate[] Chunk, FileOutcome[] Outcomes)>(1);
        var producer = Task.Run(async () =>
        {
            try
            {
                using var chunks = plan.Candidates().Chunk(settings.BatchSize).GetEnumerator();
                var next = chunks.MoveNext() ? chunks.Current : null;
                ReadAhead.Advise(next?.Select(candidate => candidate.File) ?? [], settings.MaxFileBytes);
                while (next is { } chunk)
                {
                    // The batch after this one is read from disk while this one is parsed (four ahead were no faster).
                    next = chunks.MoveNext() ? chunks.Current : null;
                    ReadAhead.Advise(next?.Select(candidate => candidate.File) ?? [], settings.MaxFileBytes);
                    var outcomes = new FileOutcome[chunk.Length];
                    await Parallel.ForAsync(0, chunk.Length, stop.Token, (index, _) =>
                    {
                        outcomes[index] = reader.Read(chunk[index].File, chunk[index].Id, chunk[index].Existing, startedAt);
                        progress?.Report((Interlocked.Increment(ref done), files.Count));
                        return ValueTask.CompletedTask;
                    });
                    await batches.Writer.WriteAsync((chunk, outcomes), stop.Token);
                }
            }
            finally
            {
                batches.Writer.Complete();
            }
        }, stop.Token);

        var toDelete = new List<long>();
        try
        {
            await foreach (var (chunk, outcomes) in batches.Reader.ReadAllAsync(cancellationToken))
            {
                var pending = Decide(chunk, outcomes, gone, tally, toDelete);
                var written = await writer.WriteBatchAsync(pending, cancellationToken);
                tally.Added += written.Added;
                tally.Updated += written.Updated;
                tally.Renamed += written.Renamed;
            }
        }
        finally
        {
            // If writing failed, stop reading; then surface the reader's own failure, if any.
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await producer;
        return (tally, files.Count, [.. gone.TakeRest(), .. toDelete]);
    }

    /// <summary>Turns a batch of read files into writes, in file order, and tallies what is not written.</summary>
    private List<PendingItem> Decide(Candidate[] chunk, FileOutcome[] outcomes, VanishedArticles gone, PassTally tally, List<long> toDelete)
    {
        var pending = new List<PendingItem>(chunk.Length);
        for (var index = 0; index < chunk.Length; index++)
        {
            var (file, _, existing) = chunk[index];
            switch (outcomes[index])
            {
                case FileOutcome.SameContent same:
                    // Touched but not changed: remember the new stat so the next scan skips it without reading.
                    pending.Add(new PendingItem.Restat(same.Key, file));
                    tally.Unchanged++;
                    break;
                case FileOutcome.Item item when existing is null && gone.TryTakeByDigest(ContentDigest.Parse(item.Article.ContentHash), out var moved):
                    // A new path with the bytes of a vanished one is the same file moved: same row, new path and id.
                    pending.Add(new PendingItem.Upsert(moved, item.Article, item.TopicNames, IsRename: true));
                    break;
                case FileOutcome.Item item:
                    pending.Add(new PendingItem.Upsert(existing?.Key, item.Article, item.TopicNames));
                    break;
                case FileOutcome.Skipped skip:
                    tally.Skipped.Add(new SkippedFile(file.RelativePath, skip.Reason));
                    if (existing is not null)
                    {
                        // The file says it is no longer an item: what was imported from it goes.
                        toDelete.Add(existing.Value.Key);
                    }

                    break;
                case FileOutcome.Failed failed:
                    // A broken file keeps its last good version, if any.
                    tally.Failures.Add(new FailedFile(file.RelativePath, failed.Line, failed.Column, failed.Reason));
                    LogFileFailed(file.RelativePath, failed.Line, failed.Column, failed.Reason);
                    break;
            }
        }

        return pending;
    }

    /// <summary>The stored articles, streamed: a million of them are compared one by one, never held together.</summary>
    private async IAsyncEnumerable<StoredArticle> StoredArticlesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = context.Articles.AsNoTracking()
            .Select(a => new StoredArticle(a.Key, a.Id, a.SourcePath, a.ContentHash, a.FileLength, a.FileModifiedAt))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass {PassId} started over {SourceDirectory}")]
    private partial void LogPassStarted(long passId, string sourceDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed for {Path} at {Line}:{Column}: {Reason}")]
    private partial void LogFileFailed(string path, int line, int column, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass {PassId} finished: {Seen} seen, {Added} added, {Updated} updated, {Renamed} renamed, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped, {Failed} failed in {DurationMs:F0} ms; failed paths {FailedPaths}")]
    private partial void LogPassFinished(long passId, int seen, int added, int updated, int renamed, int unchanged, int deleted, int skipped, int failed, double durationMs, List<string> failedPaths);
}
