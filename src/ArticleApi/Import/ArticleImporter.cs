using ArticleApi.Articles;
using ArticleApi.Data;
using ArticleApi.Import.FrontMatter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArticleApi.Import;

/// <summary>
/// One import pass: scan the folder, compare with what the database holds, and write the difference in batches.
/// A file whose size and modification time are unchanged is not even read; one whose bytes hash the same is not parsed.
/// </summary>
internal sealed partial class ArticleImporter(
    IDbContextFactory<ArticleDbContext> contextFactory,
    IOptions<ImportOptions> options,
    TimeProvider time,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Runs a pass over <paramref name="sourceDirectory"/> (the configured folder when null).</summary>
    /// <param name="progress">Receives (files handled, files in all) as the pass goes.</param>
    public async Task<ImportReport> RunAsync(string? sourceDirectory = null, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var source = Path.GetFullPath(sourceDirectory ?? settings.SourceDirectory);
        var startedAt = time.GetUtcNow();
        var files = SourceScanner.Scan(source, settings.Exclude);
        var passId = await ImportRunLog.StartAsync(contextFactory, source, startedAt, cancellationToken);
        LogPassStarted(passId, source);

        try
        {
            var report = await PassAsync(passId, source, startedAt, files, settings, progress, cancellationToken);
            await ImportRunLog.FinishAsync(contextFactory, report, CancellationToken.None);
            var failedPaths = report.Failures.Select(failure => failure.Path).ToList();
            LogPassFinished(passId, report.Seen, report.Added, report.Updated, report.Renamed, report.Unchanged, report.Deleted,
                report.Skipped.Count, report.Failures.Count, report.Duration.TotalMilliseconds, failedPaths);
            return report;
        }
        catch (Exception exception)
        {
            var outcome = exception is OperationCanceledException ? "cancelled" : "failed: " + exception.Message;
            await ImportRunLog.AbandonAsync(contextFactory, passId, time.GetUtcNow(), outcome);
            throw;
        }
    }

    private async Task<ImportReport> PassAsync(
        long passId, string source, DateTimeOffset startedAt, List<SourceFile> files, ImportOptions settings,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var ids = ArticleIdentity.Assign(files.Select(file => file.RelativePath));
        var stored = await LoadStoredAsync(cancellationToken);
        var parser = new FrontMatterParser(new FrontMatterLimits(settings.MaxFileBytes));

        var skipped = new List<SkippedFile>();
        var failures = new List<FailedFile>();
        var pending = new List<PendingItem>();
        var unchanged = 0;
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);

        // Size and modification time unchanged: not even read. The rest is read and parsed on every core.
        var candidates = new List<(SourceFile File, string Id, StoredArticle? Existing)>();
        foreach (var file in files)
        {
            seenPaths.Add(file.RelativePath);
            var id = ids[file.RelativePath];
            stored.TryGetValue(file.RelativePath, out var existing);
            if (existing is not null && existing.Id == id && existing.FileLength == file.Length && existing.FileModifiedAt == file.ModifiedAt)
            {
                unchanged++;
            }
            else
            {
                candidates.Add((file, id, existing));
            }
        }

        var reader = new SourceFileReader(parser, settings.MaxFileBytes);
        var outcomes = new FileOutcome[candidates.Count];
        var done = unchanged;
        progress?.Report((done, files.Count));
        await Parallel.ForAsync(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken }, async (index, token) =>
        {
            var (file, id, existing) = candidates[index];
            outcomes[index] = await reader.ReadAsync(file, id, existing, startedAt, token);
            progress?.Report((Interlocked.Increment(ref done), files.Count));
        });

        for (var index = 0; index < candidates.Count; index++)
        {
            var (file, _, existing) = candidates[index];
            switch (outcomes[index])
            {
                case FileOutcome.SameContent same:
                    // Touched but not changed: remember the new stat so the next scan skips it without reading.
                    pending.Add(new PendingItem.Restat(same.Key, file));
                    unchanged++;
                    break;
                case FileOutcome.Item item:
                    pending.Add(new PendingItem.Upsert(existing?.Key, item.Article, item.TopicNames));
                    break;
                case FileOutcome.Skipped skip:
                    skipped.Add(new SkippedFile(file.RelativePath, skip.Reason));
                    // The file says it is no longer an item: what was imported from it goes.
                    seenPaths.Remove(file.RelativePath);
                    break;
                case FileOutcome.Failed failed:
                    // A broken file keeps its last good version, if any: it is "seen", so not deleted.
                    failures.Add(new FailedFile(file.RelativePath, failed.Line, failed.Column, failed.Reason));
                    LogFileFailed(file.RelativePath, failed.Line, failed.Column, failed.Reason);
                    break;
            }
        }

        var readMs = (time.GetUtcNow() - startedAt).TotalMilliseconds;
        var gone = stored.Values.Where(row => !seenPaths.Contains(row.SourcePath)).ToList();
        var renamed = MatchRenames(pending, gone);
        var writer = new ArticleWriter(contextFactory);
        var counts = await writer.WriteAsync(pending, gone, settings.BatchSize, cancellationToken);
        var writeMs = (time.GetUtcNow() - startedAt).TotalMilliseconds - readMs;
        LogPhases(passId, readMs, writeMs);

        return new ImportReport
        {
            PassId = passId,
            SourceDirectory = source,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Seen = files.Count,
            Added = counts.Added,
            Updated = counts.Updated,
            Renamed = renamed,
            Unchanged = unchanged,
            Deleted = gone.Count,
            Skipped = skipped,
            Failures = failures,
        };
    }

    /// <summary>
    /// A new path whose content hash equals that of a vanished path is the same file moved: its row is updated in
    /// place (same key) instead of deleted and added. Returns how many renames were found.
    /// </summary>
    private static int MatchRenames(List<PendingItem> pending, List<StoredArticle> gone)
    {
        var renamed = 0;
        for (var index = 0; index < pending.Count; index++)
        {
            if (pending[index] is not PendingItem.Upsert { ExistingKey: null } upsert)
            {
                continue;
            }

            var match = gone.FindIndex(row => row.ContentHash == upsert.Article.ContentHash);
            if (match < 0)
            {
                continue;
            }

            pending[index] = upsert with { ExistingKey = gone[match].Key, IsRename = true };
            gone.RemoveAt(match);
            renamed++;
        }

        return renamed;
    }

    private async Task<Dictionary<string, StoredArticle>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Articles.AsNoTracking()
            .Select(a => new StoredArticle(a.Key, a.Id, a.SourcePath, a.ContentHash, a.FileLength, a.FileModifiedAt))
            .ToDictionaryAsync(a => a.SourcePath, StringComparer.Ordinal, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass {PassId} started over {SourceDirectory}")]
    private partial void LogPassStarted(long passId, string sourceDirectory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import pass {PassId}: reading and parsing took {ReadMs:F0} ms, writing {WriteMs:F0} ms")]
    private partial void LogPhases(long passId, double readMs, double writeMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed for {Path} at {Line}:{Column}: {Reason}")]
    private partial void LogFileFailed(string path, int line, int column, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass {PassId} finished: {Seen} seen, {Added} added, {Updated} updated, {Renamed} renamed, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped, {Failed} failed in {DurationMs:F0} ms; failed paths {FailedPaths}")]
    private partial void LogPassFinished(long passId, int seen, int added, int updated, int renamed, int unchanged, int deleted, int skipped, int failed, double durationMs, List<string> failedPaths);
}
