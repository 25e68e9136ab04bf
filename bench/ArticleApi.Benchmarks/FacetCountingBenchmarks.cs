using ArticleApi.Articles.Counting;
using BenchmarkDotNet.Attributes;

namespace ArticleApi.Benchmarks;

/// <summary>
/// The one pass that counts the topics, provider and type of every matching row (<see cref="FacetRecords"/>) over a
/// million articles, for match sets from a rare topic's (0.3%) to a broad filter's (30%): the part of a scoped facet
/// request that waits on memory (BENCHMARKS.md). Each call counts the next of <see cref="Sets"/> different sets, so
/// a small set's records are not all still in the core's caches from the call before, as a server's next request
/// finds them; the 16 MiB of records do stay in this machine's 32 MiB L3 when nothing else runs.
/// </summary>
[MemoryDiagnoser]
public class FacetCountingBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Sets = 32;
    private static ArticleColumns? _columns;
    private RowSet[] _matches = null!;
    private int _next;
    private int[] _providers = null!;
    private int[] _types = null!;
    private int[] _topics = null!;

    [Params(0.003, 0.03, 0.3)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _columns ??= SyntheticColumns.Build(Rows);
        _matches = [.. Enumerable.Range(0, Sets).Select(seed => SyntheticColumns.RandomRows(Rows, Density, seed))];
        _providers = new int[_columns.Provider.Names.Length + 1];
        _types = new int[_columns.Type.Names.Length + 1];
        _topics = new int[_columns.Topics.Slugs.Length + 1];
    }

    [Benchmark]
    public int CountTopicsProviderAndType()
    {
        Array.Clear(_providers);
        Array.Clear(_types);
        Array.Clear(_topics);
        _columns!.Counting.Records!.CountInto(_matches[_next++ % Sets], _providers, _types, null, _topics);
        return _topics[0] + _providers[0] + _types[0];
    }

    /// <summary>The provider facet counted from each matching row's provider id alone (<see cref="RowValues"/>), as a plain filter's is.</summary>
    [Benchmark]
    public int CountProvidersRowByRow()
    {
        Array.Clear(_providers);
        _columns!.Provider.PerRow.CountInto(_providers, _matches[_next++ % Sets]);
        return _providers[0];
    }
}
