using Microsoft.Extensions.Options;

namespace ArticleApi.Import;

/// <summary>
/// Keeps the database in step with the folder: a pass at start-up, a pass after files change (debounced), a pass on
/// an interval as a safety net, and a pass on demand. A failed pass is logged; the worker carries on.
/// </summary>
internal sealed partial class ImportWorker(
    ImportCoordinator coordinator,
    IOptions<ImportOptions> options,
    TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass can scan a large folder synchronously: never hold up the host's start (and so the server) with it.
        await Task.Yield();
        var settings = options.Value;
        using var watcher = settings.Watch ? TryWatch(settings.SourceDirectory) : null;
        var rescan = settings.RescanInterval > TimeSpan.Zero ? settings.RescanInterval : Timeout.InfiniteTimeSpan;
        while (!stoppingToken.IsCancellationRequested)
        {
            await coordinator.RunPassAsync(stoppingToken);
            try
            {
                await coordinator.WaitForTriggerAsync(rescan, time, stoppingToken);
                // Let a burst of file events settle into one pass.
                await coordinator.DebounceAsync(settings.WatchDebounce, settings.MaxTriggerDelay, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private FileSystemWatcher? TryWatch(string sourceDirectory)
    {
        var folder = Path.GetFullPath(sourceDirectory);
        if (!Directory.Exists(folder))
        {
            LogCannotWatch(folder);
            return null;
        }

        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => coordinator.Trigger();
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => coordinator.Trigger();
        watcher.Error += (_, args) =>
        {
            // The OS queue overflowed: some events are lost, so rescan everything.
            LogWatcherError(args.GetException());
            coordinator.Trigger();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder}: it does not exist; interval rescans still run")]
    private partial void LogCannotWatch(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File watcher error; a full rescan follows")]
    private partial void LogWatcherError(Exception exception);
}
