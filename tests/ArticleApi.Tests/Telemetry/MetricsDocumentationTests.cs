using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using ArticleApi.Telemetry;
using ArticleApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleApi.Tests.Telemetry;

/// <summary>
/// The metric tables of README.md and docs/deployment.md name exactly our instruments, as a real scrape shows them:
/// an instrument added without a row, or a row left behind by a renamed one, fails here rather than in an
/// operator's dashboard.
/// </summary>
[Collection(nameof(ScrapesRunAlone))]
public sealed partial class MetricsDocumentationTests
{
    [Fact]
    public async Task TheDocumentedMetricsAreOurInstrumentsAsAScrapeNamesThem()
    {
        using var factory = new MetricsApiFactory();
        using var client = factory.CreateClient();
        var instruments = new List<Instrument>();
        using var listener = ListenForOurInstruments(factory, instruments);
        // Every instrument records something: a pass, a search, a cache miss and hit, requests that reach the database, list items.
        await factory.ImportAsync();
        await client.GetJsonAsync("/articles?q=kubernetes");
        await client.GetJsonAsync("/articles?limit=2");
        await client.GetJsonAsync("/topics");
        await client.GetJsonAsync("/topics");

        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var scraped = TypeLine().Matches(scrape).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        // The names the docs use are the exporter's: a scrape shows each of our instruments under its converted name.
        Assert.Equal(instruments.Select(PrometheusName).Order(StringComparer.Ordinal), scraped);
        foreach (var document in new[] { "README.md", Path.Combine("docs", "deployment.md") })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, document));
            var documented = TableRow().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
            Assert.True(scraped.SequenceEqual(documented),
                $"{document} lists [{string.Join(", ", documented)}]; a scrape shows [{string.Join(", ", scraped)}]");
        }
    }

    /// <summary>Adds the instruments of our meter in this host (its meter factory is the scope) to <paramref name="found"/>, those made already and those to come.</summary>
    private static MeterListener ListenForOurInstruments(MetricsApiFactory factory, List<Instrument> found)
    {
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == ArticleApiMeter.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    lock (found)
                    {
                        found.Add(instrument);
                    }
                }
            },
        };
        listener.Start();
        return listener;
    }

    /// <summary>OpenTelemetry's Prometheus naming: dots to underscores, the unit seconds as a suffix, counters end in _total.</summary>
    private static string PrometheusName(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s")
        {
            name += "_seconds";
        }

        var type = instrument.GetType();
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return generic == typeof(Counter<>) || generic == typeof(ObservableCounter<>) ? name + "_total" : name;
    }

    [GeneratedRegex(@"^# TYPE (articleapi_\w+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    /// <summary>A row of a metrics table: <c>| `articleapi_...` | ...</c>.</summary>
    [GeneratedRegex(@"^\| `(articleapi_\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
