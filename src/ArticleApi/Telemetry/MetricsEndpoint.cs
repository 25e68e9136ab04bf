using Microsoft.Extensions.Options;

namespace ArticleApi.Telemetry;

/// <summary>
/// Put in front of the whole pipeline (an <see cref="IStartupFilter"/>, so Program.cs is unchanged): <c>/metrics</c>
/// answers before request logging (a scrape every few seconds would drown the log), then every other request is
/// measured for its database time.
/// </summary>
internal sealed class MetricsEndpoint(IOptions<MetricsOptions> options, RequestDatabaseTime databaseTime, DataVersionMetrics dataVersion) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Observable instruments exist once created; this one is created now so the first scrape has it.
        GC.KeepAlive(dataVersion);
        var port = options.Value.Port;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsScrape(context, port));
        app.Use(rest => context => databaseTime.MeasureAsync(context, rest));
        next(app);
    };

    /// <summary>
    /// <c>GET /metrics</c>, on the metrics port when one is set: on the other ports the path is unknown (404), so the
    /// public port never serves it.
    /// </summary>
    public static bool IsScrape(HttpContext context, int port) =>
        context.Request.Path == MetricsOptions.Path && (port == 0 || context.Connection.LocalPort == port);
}
