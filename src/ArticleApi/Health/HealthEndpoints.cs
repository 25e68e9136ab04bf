using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog.AspNetCore;
using Serilog.Events;

namespace ArticleApi.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no check runs). <c>/health/ready</c>: the database answers with the current
/// schema and the first import pass has finished; 503 until then. The API explorer does not see health-check endpoints:
/// OpenApi/HealthDocumentation writes both into the document.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    /// <summary>Probes read: any other method gets 405, as on every other route.</summary>
    private static readonly HttpMethodMetadata ProbeMethods = new(["GET", "HEAD"]);

    public static IServiceCollection AddArticleHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<ArticleTotal>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<ImportHealthCheck>(ImportHealthCheck.Name, failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);

        // Probes hit these every few seconds: their request log lines go to Debug (a failing check logs on its own).
        services.Configure<RequestLoggingOptions>(options =>
        {
            var defaultLevel = options.GetLevel;
            options.GetLevel = (context, elapsed, exception) =>
                context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) && exception is null
                    ? LogEventLevel.Debug
                    : defaultLevel(context, elapsed, exception);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteLivenessAsync,
        }).WithMetadata(ProbeMethods).ExcludeFromDescription();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthResponseWriter.WriteReadinessAsync,
        }).WithMetadata(ProbeMethods).ExcludeFromDescription();
        return app;
    }
}
