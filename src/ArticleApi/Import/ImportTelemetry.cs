using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArticleApi.Telemetry;

namespace ArticleApi.Import;

/// <summary>
/// What an operator sees of the import: counters of passes and of files by what the pass did with them, the duration
/// of each pass and its rate, and a span per pass (source <see cref="ArticleApiMeter.ImportSource"/>).
/// </summary>
internal sealed class ImportTelemetry
{
    private static readonly ActivitySource Source = new(ArticleApiMeter.ImportSource);

    private readonly Counter<long> _passes;
    private readonly Counter<long> _seen;
    private readonly Counter<long> _files;
    private readonly Histogram<double> _duration;
    private readonly Gauge<double> _filesPerSecond;
    private readonly TimeProvider _time;

    public ImportTelemetry(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(ArticleApiMeter.Name);
        _passes = meter.CreateCounter<long>("articleapi.import.passes", "{pass}",
            "Import passes that ended, by outcome: completed, failed, cancelled.");
        _seen = meter.CreateCounter<long>("articleapi.import.files.seen", "{file}",
            "Article files found by import passes (every file of the folder, once per pass).");
        _files = meter.CreateCounter<long>("articleapi.import.files", "{file}",
            "What completed import passes did with files, by outcome: added, updated, renamed, unchanged, deleted, skipped, failed.");
        _duration = meter.CreateHistogram("articleapi.import.pass.duration", "s", "How long import passes took, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ArticleApiMeter.PassSeconds });
        _filesPerSecond = meter.CreateGauge<double>("articleapi.import.pass.files_per_second", "{file}/s",
            "Files seen per second by the last completed import pass.");
    }

    /// <summary>Starts timing a pass; dispose the result when the pass ends, having told it how (a pass that says nothing failed).</summary>
    public Pass StartPass() => new(this, Source.StartActivity("import pass"), _time.GetTimestamp());

    internal void Completed(Activity? activity, ImportReport report)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", "completed");
        _passes.Add(1, outcome);
        _duration.Record(report.Duration.TotalSeconds, outcome);
        _seen.Add(report.Counts.Seen);
        AddFiles("added", report.Counts.Added);
        AddFiles("updated", report.Counts.Updated);
        AddFiles("renamed", report.Counts.Renamed);
        AddFiles("unchanged", report.Counts.Unchanged);
        AddFiles("deleted", report.Counts.Deleted);
        AddFiles("skipped", report.Skipped.Count);
        AddFiles("failed", report.Failures.Count);
        if (report.Duration > TimeSpan.Zero)
        {
            _filesPerSecond.Record(report.Counts.Seen / report.Duration.TotalSeconds);
        }

        activity?.SetTag("articleapi.import.pass_id", report.PassId)
            .SetTag("articleapi.import.files.seen", report.Counts.Seen)
            .SetTag("articleapi.import.files.changed", report.Counts.Added + report.Counts.Updated + report.Counts.Renamed + report.Counts.Deleted)
            .SetTag("articleapi.import.files.failed", report.Failures.Count);
    }

    internal void Ended(Activity? activity, string outcome, long startedAt, Exception? exception)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _passes.Add(1, tag);
        _duration.Record(_time.GetElapsedTime(startedAt).TotalSeconds, tag);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
            if (exception is not null)
            {
                activity.AddException(exception);
            }
        }
    }

    // Zero counts are added too, so every outcome's series exists from the first pass on.
    private void AddFiles(string outcome, int count) => _files.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One pass being timed: the importer says how it ended, disposing records it.</summary>
    internal sealed class Pass(ImportTelemetry telemetry, Activity? activity, long startedAt) : IDisposable
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
}
