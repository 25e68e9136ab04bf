using System.Diagnostics.Metrics;
using ArticleApi.Data;

namespace ArticleApi.Telemetry;

/// <summary>
/// The data version as this process serves it (ETags, the response cache): it moves with every import write, so a
/// replica whose value lags the importer's serves older data.
/// </summary>
internal sealed class DataVersionMetrics
{
    public DataVersionMetrics(IMeterFactory meterFactory, DataVersion dataVersion, ILogger<DataVersionMetrics> logger) =>
        meterFactory.Create(ArticleApiMeter.Name).CreateObservableGauge("articleapi.data.version", () => Observe(dataVersion, logger), "{version}",
            "The data version this process serves (moves with every import write; read at most once a second).");

#pragma warning disable CA1031 // A database that cannot be read leaves the gauge out of this scrape; readiness reports why.
    private static IEnumerable<Measurement<long>> Observe(DataVersion dataVersion, ILogger logger)
    {
        try
        {
            // A scrape asks at most once a second; DataVersion answers from memory within that second. The callback
            // is synchronous, so a read past it blocks the scraping thread for one indexed MAX().
            return [new Measurement<long>(dataVersion.GetAsync(CancellationToken.None).GetAwaiter().GetResult())];
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "The data version could not be read for the metrics");
            return [];
        }
    }
#pragma warning restore CA1031
}
