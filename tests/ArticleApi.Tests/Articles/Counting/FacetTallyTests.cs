using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The facets counted from bitmaps, row lists and the largest values first (stopping once no value left can enter
/// the list) against a plain count per value over every matching row, on random columns and filters.
/// </summary>
public sealed class FacetTallyTests
{
    private static readonly string[] Facets = ["topic", "provider", "published", "type", "category", "quality", "heat", "month", "year"];

    [Fact]
    public void TheFacetsOfRandomFiltersAreThePlainCountsPerValueOfTheMatchingRows()
    {
        var random = new Random(2026_12_07);
        var fromCopies = 0;
        for (var draw = 0; draw < 300; draw++)
        {
            var rows = RandomColumns.RowCount(random);
            var columns = RandomColumns.Build(random, rows);
            // Half of them of the plain filters only, which cubes count.
            var filter = RandomColumns.Filter(random, rows, plain: draw % 2 == 0);
            using var test = MatchingRows.For(columns, filter);
            var matching = Enumerable.Range(0, rows).Where(test.Matches).ToList();
            using var matches = FilterMatches.Select(columns, filter, withPositions: true);

            var facets = FacetTally.Count(columns, filter, matches, Facets);
            fromCopies += matches.Positions is null ? 0 : 1;

            Assert.Equal(Plain(columns.Topics.Slugs, matching.SelectMany(row => TopicsOf(columns, row))), facets["topic"]);
            Assert.Equal(Plain(columns.Provider.Names, matching.Select(row => columns.Provider.Ids[row])), facets["provider"]);
            Assert.Equal(Plain(columns.Type.Names, matching.Select(row => columns.Type.Ids[row])), facets["type"]);
            Assert.Equal(Plain(columns.Category.Names, matching.Select(row => columns.Category.Ids[row])), facets["category"]);
            Assert.Equal(Plain(["false", "true"], matching.Select(row => (int)columns.Published[row])), facets["published"]);
            if (CubeTerms.Of(filter, columns.Quality, columns.Heat) is { } terms)
            {
                Assert.Equal(matching.Count, columns.Counting.All!.Count(terms));
            }
        }

        // Some sets were read from copied columns, and counted from them.
        Assert.InRange(fromCopies, 20, 280);
    }

    [Fact]
    public void ValuesTiedWithTheLastKeptCountAreCountedAndTheFirstByNameKept()
    {
        // 25 providers of 4 rows each and every row matching: 25 ties for 20 places, kept by name.
        var providers = new NameColumn.Builder();
        var names = Enumerable.Range(0, 25).Select(i => $"p{i:D2}").Reverse().ToList();
        foreach (var name in names.SelectMany(name => Enumerable.Repeat(name, 4)))
        {
            providers.Add(name);
        }

        var provider = providers.Build();
        var values = new ValueIndex(100, provider.Names.Length, id => provider.Rows(id));
        using var all = new RowSet(100);
        all.AddAll([.. Enumerable.Range(0, 100)]);

        var top = TopCounts.Count(provider.Names, values, all, null);

        Assert.Equal(names.Order(StringComparer.Ordinal).Take(20), top.Select(v => v.Value));
        Assert.All(top, v => Assert.Equal(4, v.Count));
    }

    [Fact]
    public void AValueEveryRowHasIsCountedAsTheMatchesAre()
    {
        var types = new NameColumn.Builder();
        for (var row = 0; row < 100; row++)
        {
            types.Add("article");
        }

        var type = types.Build();
        var values = new ValueIndex(100, type.Names.Length, id => type.Rows(id));
        using var some = new RowSet(100);
        some.AddAll([1, 5, 64, 99]);

        Assert.True(values.CountsAtOnce(0, null));
        Assert.Equal(4, values.CountIn(0, some, null));
        Assert.Equal([new FacetValue("article", 4)], TopCounts.Count(type.Names, values, some, null, type.PerRow));
    }

    [Fact]
    public void CountsPerIdKeepTheHighestThenTheTiedFirstByName()
    {
        var random = new Random(2026_12_07);
        for (var draw = 0; draw < 300; draw++)
        {
            var names = Enumerable.Range(0, random.Next(1, 300)).Select(i => $"v{random.Next(100_000):D5}-{i}").ToArray();
            // Low counts of few distinct values: ties with the last kept count, and past it, in most draws.
            var counts = new int[names.Length + 1];
            for (var id = 0; id < names.Length; id++)
            {
                counts[id] = random.Next(4) == 0 ? 0 : random.Next(1, random.Next(2, 8));
            }

            counts[^1] = 1_000; // the slot of rows without a value: not a name, never listed

            Assert.Equal(Plain(names, names.Select((_, id) => id).SelectMany(id => Enumerable.Repeat(id, counts[id]))), TopCounts.FromCounts(names, counts));
        }
    }

    private static IEnumerable<int> TopicsOf(ArticleColumns columns, int row) =>
        Enumerable.Range(0, columns.Topics.Slugs.Length).Where(id => columns.Topics.Rows(id).Contains(row));

    // The facet as the plain count gives it: per value id, most first, ties by name, the top 20, no zero counts.
    private static List<FacetValue> Plain(string[] names, IEnumerable<int> ids) =>
        [.. ids.Where(id => id >= 0).GroupBy(id => id).Select(g => new FacetValue(names[g.Key], g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(20)];
}
