using System.Diagnostics.Metrics;
using ArticleApi.Data;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ArticleApi.Tests.Telemetry;

/// <summary>
/// Our instruments as the running app records them, each read from its own host's meters (a collector scoped to the
/// host's <see cref="IMeterFactory"/>), so these tests may run beside others.
/// </summary>
public sealed class InstrumentTests
{
    [Fact]
    public async Task AnImportPassCountsItsFilesByOutcome()
    {
        using var factory = new ArticleApiFactory();
        using var files = Collect<long>(factory, "articleapi.import.files");
        using var passes = Collect<long>(factory, "articleapi.import.passes");
        using var seen = Collect<long>(factory, "articleapi.import.files.seen");

        await factory.ImportAsync();

        Assert.Equal(
            ["added=35", "updated=0", "renamed=0", "unchanged=0", "deleted=0", "skipped=2", "failed=1"],
            files.GetMeasurementSnapshot().Select(m => $"{m.Tags["outcome"]}={m.Value}"));
        var pass = Assert.Single(passes.GetMeasurementSnapshot());
        Assert.Equal((1L, "completed"), (pass.Value, pass.Tags["outcome"]));
        Assert.Equal(38, Assert.Single(seen.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task TheResponseCacheCountsAMissThenAHit()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        using var cache = Collect<long>(factory, "articleapi.response_cache.requests");

        await client.GetJsonAsync("/topics");
        await client.GetJsonAsync("/topics");

        Assert.Equal(["miss", "hit"], cache.GetMeasurementSnapshot().Select(m => m.Tags["result"]));
    }

    [Fact]
    public async Task SearchesAreCountedByPlan()
    {
        using var factory = new ArticleApiFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        using var searches = Collect<long>(factory, "articleapi.searches");

        await client.GetJsonAsync("/articles?q=kubernetes");
        await client.GetJsonAsync("/articles?q=kubernetes&sort=relevance");
        await client.GetJsonAsync("/articles?limit=3");

        // kubernetes is in fewer than 5,000 articles: the rare plan. A list without q is no search.
        Assert.Equal(["rare", "relevance"], searches.GetMeasurementSnapshot().Select(m => m.Tags["plan"]));
    }

    [Fact]
    public async Task DatabaseTimeIsRecordedOncePerRequestByRoute()
    {
        using var factory = new MetricsApiFactory();
        using var client = factory.CreateClient();
        await factory.ImportAsync();
        using var databaseTime = Collect<double>(factory, "articleapi.db.request.duration");

        await client.GetJsonAsync("/articles/news-2025-01-14-kubernetes-autoscaling-gets-smarter-with-predictive-node-pools");

        var measurement = Assert.Single(databaseTime.GetMeasurementSnapshot());
        Assert.Equal("/articles/{id}", measurement.Tags["http.route"]);
        Assert.True(measurement.Value > 0, "the article's queries took no time");
    }

    [Fact]
    public async Task TheDataVersionGaugeShowsTheVersionServed()
    {
        using var factory = new MetricsApiFactory();
        _ = factory.Server;
        await factory.ImportAsync();
        using var gauge = Collect<long>(factory, "articleapi.data.version");

        gauge.RecordObservableInstruments();

        var expected = await factory.Services.GetRequiredService<DataVersion>().GetAsync(CancellationToken.None);
        Assert.True(expected > 0);
        Assert.Equal(expected, gauge.LastMeasurement?.Value);
    }

    private static MetricCollector<T> Collect<T>(ArticleApiFactory factory, string instrument)
        where T : struct => new(factory.Services.GetRequiredService<IMeterFactory>(), "ArticleApi", instrument);
}
