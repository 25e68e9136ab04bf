using System.Diagnostics.Metrics;
using ArticleApi.Import;
using ArticleApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ArticleApi.Tests.Import;

/// <summary>How a pass's ending is recorded, on a meter factory of the test's own.</summary>
public sealed class ImportTelemetryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ImportTelemetry _telemetry;

    public ImportTelemetryTests() => _telemetry = new ImportTelemetry(Meters, TimeProvider.System);

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void ACompletedPassRecordsItsDurationAndRateFromItsReport()
    {
        using var duration = new MetricCollector<double>(Meters, "ArticleApi", "articleapi.import.pass.duration");
        using var rate = new MetricCollector<double>(Meters, "ArticleApi", "articleapi.import.pass.files_per_second");
        var startedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var report = new ImportReport { SourceDirectory = "/articles", StartedAt = startedAt, FinishedAt = startedAt.AddSeconds(4), Counts = PassCounts.None with { Seen = 10, Added = 10 } };

        using (var pass = _telemetry.StartPass())
        {
            pass.Completed(report);
        }

        var measured = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal((4.0, "completed"), (measured.Value, measured.Tags["outcome"]));
        Assert.Equal(2.5, Assert.Single(rate.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void APassThatEndsWithoutSayingHowFailed()
    {
        using var passes = new MetricCollector<long>(Meters, "ArticleApi", "articleapi.import.passes");
        using var files = new MetricCollector<long>(Meters, "ArticleApi", "articleapi.import.files");

        using (_telemetry.StartPass())
        {
            // The folder could not be scanned: the importer threw before it could report.
        }

        var pass = Assert.Single(passes.GetMeasurementSnapshot());
        Assert.Equal((1L, "failed"), (pass.Value, pass.Tags["outcome"]));
        Assert.Empty(files.GetMeasurementSnapshot());
    }

    [Fact]
    public void ACancelledPassIsToldFromAFailedOne()
    {
        using var passes = new MetricCollector<long>(Meters, "ArticleApi", "articleapi.import.passes");

        using (var cancelled = _telemetry.StartPass())
        {
            cancelled.Failed(new OperationCanceledException());
        }

        using (var failed = _telemetry.StartPass())
        {
            failed.Failed(new IOException("disk gone"));
        }

        Assert.Equal(["cancelled", "failed"], passes.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]));
    }

    [Theory]
    [InlineData(nameof(SearchPlan.Frequent), "frequent")]
    [InlineData(nameof(SearchPlan.Rare), "rare")]
    [InlineData(nameof(SearchPlan.Relevance), "relevance")]
    [InlineData(nameof(SearchPlan.Columns), "columns")]
    public void ASearchIsCountedUnderItsPlan(string plan, string expected)
    {
        using var searches = new MetricCollector<long>(Meters, "ArticleApi", "articleapi.searches");

        new SearchMetrics(Meters).Searched(Enum.Parse<SearchPlan>(plan));

        var measurement = Assert.Single(searches.GetMeasurementSnapshot());
        Assert.Equal((1L, expected), (measurement.Value, measurement.Tags["plan"]));
    }
}
