using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace ArticleApi.Telemetry;

/// <summary>
/// The database's share of a request: the durations of the commands a request runs (<see cref="DatabaseCommandTelemetry"/>)
/// are summed while it runs and recorded once it ends, by route. A request answered from the response cache records 0.
/// </summary>
internal sealed class RequestDatabaseTime
{
    // Flows with the request's async calls, so commands add to their own request whatever thread they finish on.
    private static readonly AsyncLocal<StrongBox<long>?> Current = new();

    private readonly Histogram<double> _duration;

    public RequestDatabaseTime(IMeterFactory meterFactory) =>
        _duration = meterFactory.Create(ArticleApiMeter.Name).CreateHistogram("articleapi.db.request.duration", "s",
            "Database time of a request: the durations of its database commands summed, by route (requests that reached an endpoint).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ArticleApiMeter.ShortSeconds });

    /// <summary>Adds a command's duration to the request running now, if any (an import pass is not a request).</summary>
    public static void Add(TimeSpan duration)
    {
        if (Current.Value is { } total)
        {
            Interlocked.Add(ref total.Value, duration.Ticks);
        }
    }

    /// <summary>Middleware: measures the rest of the pipeline.</summary>
    public async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        var total = new StrongBox<long>();
        Current.Value = total;
        await next(context);
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            _duration.Record(TimeSpan.FromTicks(Interlocked.Read(ref total.Value)).TotalSeconds,
                new KeyValuePair<string, object?>("http.route", endpoint.RoutePattern.RawText));
        }
    }
}
