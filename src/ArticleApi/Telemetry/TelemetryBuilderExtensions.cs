using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog.AspNetCore;

namespace ArticleApi.Telemetry;

internal static class TelemetryBuilderExtensions
{
    /// <summary>OpenTelemetry's own setting: traces are exported (OTLP) only when it names a collector.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The service's instruments (always: nobody listening costs nearly nothing), the request log line, and, when
    /// configured, OpenTelemetry: metrics at <c>/metrics</c> (<c>Metrics:Enabled</c>) and traces to an OTLP collector
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
    /// </summary>
    public static WebApplicationBuilder AddArticleTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResponseCacheMetrics>();
        services.AddSingleton<SearchMetrics>();
        services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>(RequestLog.Configure);

        // Read leniently: a bad value must reach start-up validation, which names the key, not crash the builder.
        var metrics = bool.TryParse(configuration[$"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Enabled)}"], out var enabled) && enabled;
        var traces = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (!metrics && !traces)
        {
            return builder;
        }

        services.AddSingleton<IInterceptor, DatabaseCommandTelemetry>();
        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ArticleApiMeter.Name));
        if (metrics)
        {
            services.AddSingleton<RequestDatabaseTime>();
            services.AddSingleton<DataVersionMetrics>();
            services.AddTransient<IStartupFilter, MetricsEndpoint>();
            openTelemetry.WithMetrics(meters => meters
                .AddMeter(ArticleApiMeter.Name)
                .AddAspNetCoreInstrumentation()
                .DropPerRequestInstruments()
                .AddRuntimeInstrumentation()
                // Each scrape sees the counts as they are now (the exporter would otherwise answer from a 300 ms cache).
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
            if (int.TryParse(configuration[$"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Port)}"], out var port) && port > 0)
            {
                builder.WebHost.UseUrls([.. ServiceUrls(configuration), $"http://*:{port}"]);
            }
        }

        if (traces)
        {
            openTelemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => context.Request.Path != MetricsOptions.Path)
                .AddSource(ArticleApiMeter.ImportSource, ArticleApiMeter.DatabaseSource)
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// The addresses the service would listen on by itself (<c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>,
    /// else Kestrel's default): naming any address replaces them all, so the metrics port is added to these.
    /// </summary>
    internal static IEnumerable<string> ServiceUrls(IConfiguration configuration)
    {
        static string[] Split(string? value) => value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var urls = Split(configuration["urls"]);
        if (urls.Length > 0)
        {
            return urls;
        }

        string[] ports = [.. Split(configuration["http_ports"]).Select(p => $"http://*:{p}"), .. Split(configuration["https_ports"]).Select(p => $"https://*:{p}")];
        return ports.Length > 0 ? ports : ["http://localhost:5000"];
    }
}
