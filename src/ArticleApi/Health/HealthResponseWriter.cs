using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArticleApi.Health;

/// <summary>Writes health reports as JSON for probes and operators (the default writer sends one bare word).</summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var data = report.Entries.Values.SelectMany(entry => entry.Data).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var response = new ReadinessResponse(
            report.Status.ToString(),
            data.GetValueOrDefault(HealthData.DatabaseProvider) as string,
            data.GetValueOrDefault(HealthData.ArticleCount) as long?,
            data.GetValueOrDefault(HealthData.LastImportAt) as DateTimeOffset?,
            data.GetValueOrDefault(HealthData.FailedFiles) as int?,
            [.. report.Entries.Select(entry => new HealthCheckResponse(entry.Key, entry.Value.Status.ToString(), entry.Value.Description))]);
        return context.Response.WriteAsJsonAsync(response, JsonOptions, context.RequestAborted);
    }

    public static Task WriteLivenessAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new LivenessResponse(report.Status.ToString()), JsonOptions, context.RequestAborted);
}
