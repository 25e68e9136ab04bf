using System.Net;
using ArticleApi.Data;
using ArticleApi.Telemetry;
using ArticleApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ArticleApi.Tests.Telemetry;

/// <summary><c>/metrics</c> as Prometheus reads it: off by default, then the standard HTTP histogram and our own instruments.</summary>
[Collection(nameof(ScrapesRunAlone))]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsAreNotServedUnlessEnabled()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();

        await client.AssertProblemAsync("/metrics", HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task AScrapeShowsTheRequestHistogramByRouteAndTheImportCounters()
    {
        using var factory = new MetricsApiFactory();
        using var client = factory.CreateClient();
        var meterFactory = factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        // The host records a request's duration once the response is complete, after the client has it.
        using var requests = new MetricCollector<double>(meterFactory, "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        await factory.ImportAsync();
        await client.GetJsonAsync("/articles?limit=1");
        await client.GetJsonAsync("/articles?limit=1");
        await requests.WaitForMeasurementsAsync(2, TimeSpan.FromSeconds(30));
        var version = await factory.Services.GetRequiredService<DataVersion>().GetAsync(CancellationToken.None);

        using var response = await client.GetAsync("/metrics");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var route = Assert.Single(lines, line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"/articles/\"", StringComparison.Ordinal));
        Assert.Contains("http_response_status_code=\"200\"", route, StringComparison.Ordinal);
        Assert.EndsWith("} 2", route, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && line.Contains("http_route=\"/articles/\"", StringComparison.Ordinal) && line.EndsWith("le=\"+Inf\"} 2", StringComparison.Ordinal));
        string[] expected =
        [
            "articleapi_import_passes_total{otel_scope_name=\"ArticleApi\",outcome=\"completed\"} 1",
            "articleapi_import_files_seen_total{otel_scope_name=\"ArticleApi\"} 38",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"added\"} 35",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"updated\"} 0",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"unchanged\"} 0",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"deleted\"} 0",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"skipped\"} 2",
            "articleapi_import_files_total{otel_scope_name=\"ArticleApi\",outcome=\"failed\"} 1",
            "articleapi_import_pass_duration_seconds_count{otel_scope_name=\"ArticleApi\",outcome=\"completed\"} 1",
            "articleapi_response_cache_requests_total{otel_scope_name=\"ArticleApi\",result=\"miss\"} 1",
            "articleapi_response_cache_requests_total{otel_scope_name=\"ArticleApi\",result=\"hit\"} 1",
            "articleapi_db_request_duration_seconds_count{otel_scope_name=\"ArticleApi\",http_route=\"/articles/\"} 2",
            $"articleapi_data_version{{otel_scope_name=\"ArticleApi\"}} {version}",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.Contains(lines, line => line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal));
        // Left out for their cost per request (PerRequestInstruments).
        Assert.DoesNotContain(lines, line => line.StartsWith("aspnetcore_memory_pool_", StringComparison.Ordinal)
            || line.StartsWith("aspnetcore_rate_limiting_", StringComparison.Ordinal) || line.StartsWith("aspnetcore_routing_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAMetricsPortOtherPortsDoNotServeMetrics()
    {
        using var factory = new MetricsApiFactory(new KeyValuePair<string, string?>("Metrics:Port", "9464"));
        using var client = factory.CreateClient();

        // The test server's requests arrive on no port: like requests on the public port, they are not scrapes.
        await client.AssertProblemAsync("/metrics", HttpStatusCode.NotFound, "Not Found");
    }

    [Theory]
    [InlineData("/metrics", 0, 8080, true)]
    [InlineData("/metrics", 9464, 9464, true)]
    [InlineData("/metrics", 9464, 8080, false)]
    [InlineData("/articles", 9464, 9464, false)]
    [InlineData("/metrics/", 0, 8080, false)]
    public void AScrapeIsMetricsOnTheMetricsPort(string path, int metricsPort, int localPort, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.LocalPort = localPort;

        Assert.Equal(expected, MetricsEndpoint.IsScrape(context, metricsPort));
    }
}
