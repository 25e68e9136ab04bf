using ArticleApi.Telemetry;
using Microsoft.Extensions.Configuration;

namespace ArticleApi.Tests.Telemetry;

/// <summary>A metrics port is added to the addresses the service would have used without it, never in their place.</summary>
public sealed class ServiceUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5000", null, null, "http://127.0.0.1:5000|http://[::1]:5000")]
    [InlineData("http://+:80", "8080", null, "http://+:80")]
    [InlineData(null, "8080", null, "http://*:8080")]
    [InlineData(null, "8080;8081", "8443", "http://*:8080|http://*:8081|https://*:8443")]
    [InlineData(null, null, null, "http://localhost:5000")]
    public void TheServiceKeepsItsOwnAddresses(string? urls, string? httpPorts, string? httpsPorts, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("urls", urls), new("http_ports", httpPorts), new("https_ports", httpsPorts)])
            .Build();

        Assert.Equal(expected, string.Join('|', TelemetryBuilderExtensions.ServiceUrls(configuration)));
    }
}
