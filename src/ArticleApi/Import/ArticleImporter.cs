using System.Security.Cryptography;
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
        var done = 0;

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seenPaths.Add(file.RelativePath);
            progress?.Report((++done, files.Count));
            var id = ids[file.RelativePath];
            stored.TryGetValue(file.RelativePath, out var existing);
            if (existing is not null && existing.Id == id && existing.FileLength == file.Length && existing.FileModifiedAt == file.ModifiedAt)
            {
                unchanged++;
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = file.Length > settings.MaxFileBytes ? [] : await File.ReadAllBytesAsync(file.FullPath, cancellationToken);
            }
            catch (IOException exception)
            {
                failures.Add(new FailedFile(file.RelativePath, 0, 0, "cannot read the file: " + exception.Message));
                continue;
            }

            var hash = file.Length > settings.MaxFileBytes ? "" : Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (existing is not null && existing.Id == id && existing.ContentHash == hash)
            {
                // Touched but not changed: remember the new stat so the next scan skips it without reading.
                pending.Add(new PendingItem.Restat(existing.Key, file));
                unchanged++;
                continue;
            }

            var result = file.Length > settings.MaxFileBytes
                ? new FrontMatterResult.Broken(new SourceError(0, 0, $"file is {file.Length} bytes, over the limit of {settings.MaxFileBytes} bytes (Import:MaxFileBytes)"))
                : parser.Parse(bytes);
            var mapping = result switch
            {
                FrontMatterResult.Parsed parsed => ItemMapper.Map(parsed.FrontMatter, parsed.Body),
                FrontMatterResult.NotAnItem notAnItem => new ItemMapping.NotAnItem(notAnItem.Reason),
                FrontMatterResult.Broken broken => new ItemMapping.Broken(broken.Error),
                _ => throw new InvalidOperationException("unknown parse result"),
            };

            switch (mapping)
            {
                case ItemMapping.Item item:
                    var article = item.Article;
                    article.Id = id;
                    article.SourcePath = file.RelativePath;
                    article.ContentHash = hash;
                    article.FileLength = file.Length;
                    article.FileModifiedAt = file.ModifiedAt;
                    article.ImportedAt = startedAt;
                    pending.Add(new PendingItem.Upsert(existing?.Key, article, item.TopicNames));
                    break;
                case ItemMapping.NotAnItem notAnItem:
                    skipped.Add(new SkippedFile(file.RelativePath, notAnItem.Reason));
                    // The file says it is no longer an item: what was imported from it goes.
                    seenPaths.Remove(file.RelativePath);
                    break;
                case ItemMapping.Broken broken:
                    // A broken file keeps its last good version, if any: it is "seen", so not deleted.
                    failures.Add(new FailedFile(file.RelativePath, broken.Error.Line, broken.Error.Column, broken.Error.Reason));
                    LogFileFailed(file.RelativePath, broken.Error.Line, broken.Error.Column, broken.Error.Reason);
                    break;
            }
        }

        var gone = stored.Values.Where(row => !seenPaths.Contains(row.SourcePath)).ToList();
        var renamed = MatchRenames(pending, gone);
        var writer = new ArticleWriter(contextFactory);
        var counts = await writer.WriteAsync(pending, gone, settings.BatchSize, cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed for {Path} at {Line}:{Column}: {Reason}")]
    private partial void LogFileFailed(string path, int line, int column, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass {PassId} finished: {Seen} seen, {Added} added, {Updated} updated, {Renamed} renamed, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped, {Failed} failed in {DurationMs:F0} ms; failed paths {FailedPaths}")]
    private partial void LogPassFinished(long passId, int seen, int added, int updated, int renamed, int unchanged, int deleted, int skipped, int failed, double durationMs, List<string> failedPaths);
}
