using System.Diagnostics.Metrics;

namespace ArticleApi.Telemetry;

/// <summary>Whether the response cache helps: cacheable requests answered from memory (hit) or by running the endpoint (miss).</summary>
internal sealed class ResponseCacheMetrics
{
    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private readonly Counter<long> _requests;

    public ResponseCacheMetrics(IMeterFactory meterFactory) =>
        _requests = meterFactory.Create(ArticleApiMeter.Name).CreateCounter<long>("articleapi.response_cache.requests", "{request}",
            "Cacheable requests by result: hit (served from the response cache) or miss (the endpoint ran).");

    public void ServedFromCache() => _requests.Add(1, Hit);

    public void Computed() => _requests.Add(1, Miss);
}
