using ArticleApi.Tests.Infrastructure;

namespace ArticleApi.Tests.Telemetry;

/// <summary>The app over the samples with <c>Metrics:Enabled</c> on (and any further settings).</summary>
public sealed class MetricsApiFactory(params KeyValuePair<string, string?>[] settings) : ArticleApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Metrics:Enabled", "true"), .. settings];
}
