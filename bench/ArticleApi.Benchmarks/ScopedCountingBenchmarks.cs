using ArticleApi.Articles.Counting;
using BenchmarkDotNet.Attributes;

namespace ArticleApi.Benchmarks;

/// <summary>
/// The counting part of the distinct benchmark's <c>scopedtotal</c> and <c>scopedfacets</c> families (bench/distinct.lua)
/// over a million synthetic articles: each call takes the next of <see cref="Filters"/> filters drawn as the family
/// draws them (a topic, two topics, a provider or none; maybe a type, maybe a date range; maybe published, a least
/// quality, a least heat), builds its match set and counts its total, or its total and the four facets the family
/// asks for. <see cref="Shape"/> keeps only the filters of one kind, to see which kind costs what.
/// </summary>
[MemoryDiagnoser]
public class ScopedCountingBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Filters = 256;
    private static readonly string[] Facets = ["topic", "provider", "published", "type"];
    private static ArticleColumns? _columns;
    private ColumnFilter[] _filters = null!;
    private int _next;

    /// <summary>Which filters: all of the family's (<c>mix</c>), or those with no topic or provider (<c>unscoped</c>), a topic, or a provider.</summary>
    [Params("mix", "unscoped", "topic", "provider")]
    public string Shape { get; set; } = "mix";

    [GlobalSetup]
    public void Setup()
    {
        _columns ??= SyntheticColumns.Build(Rows);
        var random = new Random(11);
        _filters = [.. Enumerable.Range(0, Filters * 20).Select(_ => Draw(random)).Where(Kept).Take(Filters)];
    }

    [Benchmark]
    public int Total()
    {
        using var matches = new MatchSet(_columns!, _filters[_next++ % Filters]);
        return matches.Rows.Count;
    }

    [Benchmark]
    public int TotalAndFacets()
    {
        var filter = _filters[_next++ % Filters];
        using var matches = new MatchSet(_columns!, filter) { FacetsWanted = true };
        var rows = matches.Rows;
        return rows.Count + FacetTally.Count(_columns!, filter, rows, Facets).Count;
    }

    private bool Kept(ColumnFilter filter) => Shape switch
    {
        "unscoped" => filter.TopicGroups.Count == 0 && filter.ProviderGroups.Count == 0,
        "topic" => filter.TopicGroups.Count > 0,
        "provider" => filter.ProviderGroups.Count > 0,
        _ => true,
    };

    // The draw of bench/distinct.lua's scoped() and filters(), over SyntheticColumns' names.
    private static ColumnFilter Draw(Random random)
    {
        string Topic() => $"topic-{random.Next(60)}";
        var r = random.NextDouble();
        var filter = new ColumnFilter
        {
            TopicGroups = r < 0.35 ? [[Topic()]] : r < 0.55 ? TwoTopics(random, Topic(), Topic()) : [],
            ProviderGroups = r >= 0.55 && r < 0.75 ? [[$"p{random.Next(2000)}.example"]] : [],
            Type = random.NextDouble() < 0.3 ? "article" : null,
        };
        if (random.NextDouble() < 0.5)
        {
            var year = random.Next(2016, 2026);
            filter = filter with
            {
                From = new DateTimeOffset(year, random.Next(1, 7), 1, 0, 0, 0, TimeSpan.Zero),
                To = new DateTimeOffset(year + random.Next(0, 3), random.Next(7, 13), 28, 0, 0, 0, TimeSpan.Zero),
            };
        }

        return filter with
        {
            Published = random.NextDouble() < 0.5 ? random.NextDouble() < 0.5 : null,
            MinQuality = random.NextDouble() < 0.5 ? random.Next(10, 81) : null,
            MinHeat = random.NextDouble() < 0.5 ? random.Next(-1, 101) : null,
        };
    }

    // Two topics, either of them (one group) or both (a group each).
    private static List<string[]> TwoTopics(Random random, string first, string second) =>
        random.NextDouble() < 0.5 ? [[first, second]] : [[first], [second]];
}
