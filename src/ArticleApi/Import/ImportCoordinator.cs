using ArticleApi.Data;

namespace ArticleApi.Import;

/// <summary>
/// Serialises passes (one at a time per process) and carries triggers from the watcher and from
/// <c>POST /import</c> to the worker. Also remembers whether the first pass has finished, for readiness.
/// </summary>
internal sealed partial class ImportCoordinator(
    ArticleImporter importer, IImportLock importLock, DataVersion dataVersion, ILogger<ImportCoordinator> logger) : IDisposable
{
    private readonly SemaphoreSlim _passLock = new(1, 1);
    private readonly SemaphoreSlim _trigger = new(0, 1);
    private volatile bool _firstPassDone;

    public bool FirstPassDone => _firstPassDone;

    /// <summary>Why the last pass failed as a whole (null after a pass that completed): readiness reports it.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Raised after every completed pass, with its report (tests and readiness listen).</summary>
    public event Action<ImportReport>? PassCompleted;

    public void Dispose()
    {
        _passLock.Dispose();
        _trigger.Dispose();
    }

    /// <summary>Asks for a pass soon; many triggers before the pass starts make one pass.</summary>
    public void Trigger()
    {
        try
        {
            _trigger.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already asked for.
        }
    }

    public async Task WaitForTriggerAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _trigger.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The rescan interval elapsed.
        }
    }

    /// <summary>
    /// Waits until no trigger has arrived for <paramref name="quiet"/>, but no longer than <paramref name="maxDelay"/> in
    /// all: a stream of triggers (files rewritten every moment, POSTs in a loop) cannot postpone a pass for ever.
    /// </summary>
    public async Task DebounceAsync(TimeSpan quiet, TimeSpan maxDelay, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (quiet > TimeSpan.Zero)
        {
            var left = maxDelay - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || !await _trigger.WaitAsync(left < quiet ? left : quiet, cancellationToken))
            {
                return;
            }

            // Another change came in: keep waiting for quiet, within the bound.
        }
    }

#pragma warning disable CA1031 // A failed pass must never stop the service: every failure is logged and retried.
    /// <summary>
    /// Runs one pass; never throws for a failed pass (it is logged), only for cancellation. Null when the pass failed or
    /// was skipped because another importer holds the database's import lock.
    /// </summary>
    public async Task<ImportReport?> RunPassAsync(CancellationToken cancellationToken)
    {
        await _passLock.WaitAsync(cancellationToken);
        try
        {
            ImportReport report;
            await using (var held = await importLock.TryAcquireAsync(cancellationToken))
            {
                if (held is null)
                {
                    LogLockHeldElsewhere();
                    return null;
                }

                report = await importer.RunAsync(cancellationToken: cancellationToken);
            }

            // Listeners see the pass as done and the data version moved on.
            LastFailure = null;
            _firstPassDone = true;
            dataVersion.Invalidate();
            PassCompleted?.Invoke(report);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogPassCancelled();
            throw;
        }
        catch (Exception exception)
        {
            LastFailure = exception.Message;
            LogPassFailed(exception);
            return null;
        }
        finally
        {
            _firstPassDone = true;
            // This process's responses (and ETags) follow its own import at once, not after the version cache ages.
            dataVersion.Invalidate();
            _passLock.Release();
        }
    }

#pragma warning restore CA1031

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another importer holds the import lock; skipping this pass")]
    private partial void LogLockHeldElsewhere();

    [LoggerMessage(Level = LogLevel.Information, Message = "Import pass cancelled by shutdown: committed batches stay, the batch in flight rolled back; the next start carries on")]
    private partial void LogPassCancelled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Import pass failed; the service carries on and the next pass retries")]
    private partial void LogPassFailed(Exception exception);
}
