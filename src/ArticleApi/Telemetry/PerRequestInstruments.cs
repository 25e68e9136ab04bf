using OpenTelemetry.Metrics;

namespace ArticleApi.Telemetry;

/// <summary>
/// ASP.NET Core instruments left out of the export. Each records several times per request (a buffer rented, a lease
/// taken, a route matched), and together they cost more than the rest of metrics on the repeated-URL benchmark (see
/// BENCHMARKS.md, "Metrics overhead"), while saying little the request histogram does not: a 429 or an unmatched
/// route shows there by status and route.
/// </summary>
internal static class PerRequestInstruments
{
    public static readonly IReadOnlyList<string> Dropped =
    [
        "aspnetcore.memory_pool.*",
        "aspnetcore.rate_limiting.*",
        "aspnetcore.routing.match_attempts",
    ];

    /// <summary>With no stream left, OpenTelemetry does not listen to these instruments: their callers skip the recording.</summary>
    public static MeterProviderBuilder DropPerRequestInstruments(this MeterProviderBuilder meters)
    {
        foreach (var name in Dropped)
        {
            meters.AddView(name, MetricStreamConfiguration.Drop);
        }

        return meters;
    }
}
