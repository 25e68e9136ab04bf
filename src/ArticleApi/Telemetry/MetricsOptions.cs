using System.ComponentModel.DataAnnotations;

namespace ArticleApi.Telemetry;

/// <summary>The <c>Metrics</c> section: the Prometheus scrape endpoint, off unless an operator turns it on.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>Collect metrics and serve them at <c>/metrics</c> in Prometheus text format.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A port of its own for <c>/metrics</c> (on every interface, beside the service's addresses), so the public port
    /// need not serve it; 0 serves it on the service's own port(s).
    /// </summary>
    [Range(0, 65_535, ErrorMessage = "Metrics:Port must be between 0 and 65535 (0 = the service's own port).")]
    public int Port { get; set; }
}
