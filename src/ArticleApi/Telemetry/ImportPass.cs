using System.Diagnostics;
using ArticleApi.Import;

namespace ArticleApi.Telemetry;

/// <summary>One pass being timed: the importer says how it ended, disposing records it.</summary>
internal sealed class ImportPass(ImportTelemetry telemetry, Activity? activity, long startedAt) : IDisposable
{
    private bool _recorded;

    public void Completed(ImportReport report)
    {
        _recorded = true;
        telemetry.Completed(activity, report);
    }

    public void Failed(Exception exception)
    {
        _recorded = true;
        telemetry.Ended(activity, exception is OperationCanceledException ? "cancelled" : "failed", startedAt, exception);
    }

    public void Dispose()
    {
        if (!_recorded)
        {
            // Ended before the importer could say how (the folder could not even be scanned).
            _recorded = true;
            telemetry.Ended(activity, "failed", startedAt, null);
        }

        activity?.Dispose();
    }
}
