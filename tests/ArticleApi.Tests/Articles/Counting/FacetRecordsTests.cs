using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The facets counted in one pass over each row's record (<see cref="FacetRecords"/>, <see cref="NamedFacets"/>)
/// against plain counts: rows without a provider, type or category, rows with more topics than a record holds, and the
/// fields whose ids do not fit a record, which get none.
/// </summary>
public sealed class FacetRecordsTests
{
    [Fact]
    public void ARecordPassCountsEveryValueOfTheMatchingRowsRowsWithManyTopicsAndNoneToo()
    {
        var random = new Random(2026_12_08);
        var rows = 3000;
        var columns = RandomColumns.Build(random, rows);
        // Rows 0-99 get 20 more topics each, more than a record's slots.
        var topics = new TopicPostings.Builder();
        for (var row = 0; row < rows; row++)
        {
            var slugs = columns.Topics.Slugs.Where(slug => columns.Topics.Rows(slug).Contains(row)).Select(slug => int.Parse(slug[1..]));
            foreach (var topic in (row < 100 ? slugs.Concat(Enumerable.Range(100, 20)) : slugs).Distinct().Order())
            {
                topics.Add(row, $"t{topic}");
            }
        }

        var many = new ArticleColumns
        {
            Keys = columns.Keys,
            Published = columns.Published,
            Quality = columns.Quality,
            Heat = columns.Heat,
            Provider = columns.Provider,
            Type = columns.Type,
            Category = columns.Category,
            PublishedAt = columns.PublishedAt,
            Month = columns.Month,
            Topics = topics.Build(),
            IdRanks = columns.IdRanks,
        };
        var records = FacetRecords.Build(rows, many.Provider, many.Type, many.Category, many.Topics)!;
        using var matches = new RowSet(rows);
        matches.AddAll([.. Enumerable.Range(0, rows).Where(row => row < 100 || random.Next(3) == 0)]);
        var matching = Enumerable.Range(0, rows).Where(matches.Contains).ToList();
        var (providers, types, categories, topicCounts) = (Counts(many.Provider.Names), Counts(many.Type.Names), Counts(many.Category.Names), Counts(many.Topics.Slugs));

        records.CountInto(matches, providers, types, categories, topicCounts);

        Assert.Equal(Plain(many.Provider.Names, matching.Select(row => many.Provider.Ids[row])), providers);
        Assert.Equal(Plain(many.Type.Names, matching.Select(row => many.Type.Ids[row])), types);
        Assert.Equal(Plain(many.Category.Names, matching.Select(row => many.Category.Ids[row])), categories);
        Assert.Equal(Plain(many.Topics.Slugs, matching.SelectMany(row => Enumerable.Range(0, many.Topics.Slugs.Length).Where(id => many.Topics.Rows(id).Contains(row)))), topicCounts);
        Assert.Equal(100, topicCounts[many.Topics.Id("t119")]);

        // Only the fields given counts are counted.
        var topicsAlone = Counts(many.Topics.Slugs);
        records.CountInto(matches, null, null, null, topicsAlone);
        Assert.Equal(topicCounts, topicsAlone);
    }

    [Fact]
    public void TopicsAreCountedWhetherARowLeavesSlotsEmptyFillsThemOrHasMoreThanARecordHolds()
    {
        // 200 rows: rows 0-179 have one topic or none (empty slots, counted as spares); 180-189 fill the record's 4;
        // 190-194 have one more and 195-199 have 15 (more than a record holds: the rest from their own arrays).
        const int rows = 200;
        var topics = new TopicPostings.Builder();
        var expected = new int[30];
        for (var row = 0; row < rows; row++)
        {
            var count = row < 180 ? row % 2 : row < 190 ? FacetRecords.TopicSlots : row < 195 ? FacetRecords.TopicSlots + 1 : 15;
            foreach (var topic in Enumerable.Range(row % 7, count))
            {
                topics.Add(row, $"t{topic:D2}");
                expected[topic] += row % 3 == 0 ? 1 : 0;
            }
        }

        var names = new NameColumn.Builder();
        foreach (var row in Enumerable.Range(0, rows))
        {
            names.Add(null);
        }

        var none = names.Build();
        var built = topics.Build();
        var records = FacetRecords.Build(rows, none, none, none, built)!;
        using var matches = new RowSet(rows);
        matches.AddAll([.. Enumerable.Range(0, rows).Where(row => row % 3 == 0)]);
        var counts = new int[built.Slugs.Length + 1];

        records.CountInto(matches, null, null, null, counts);

        Assert.Equal(built.Slugs.Select(slug => expected[int.Parse(slug[1..])]).Append(0), counts);
    }

    [Theory]
    [MemberData(nameof(RowsAheadTests.SizesAroundTheDistance), MemberType = typeof(RowsAheadTests))]
    public void EveryMatchIsCountedOnceWhetherFewerOrMoreRowsMatchThanThePassAsksForAhead(int matching)
    {
        // The pass counts a row once the record of the row RowsAhead.Distance after it is asked for, and the last ones
        // after the bitmap ends: each matching row is its own provider, so a row counted twice or left out shows.
        const int rows = 1000;
        var names = new NameColumn.Builder();
        var topics = new TopicPostings.Builder();
        for (var row = 0; row < rows; row++)
        {
            names.Add($"p{row:D4}");
            topics.Add(row, $"t{row % 7}");
        }

        var (providers, built) = (names.Build(), topics.Build());
        var none = new NameColumn.Builder();
        foreach (var row in Enumerable.Range(0, rows))
        {
            none.Add(null);
        }

        var empty = none.Build();
        var records = FacetRecords.Build(rows, providers, empty, empty, built)!;
        var chosen = Enumerable.Range(0, matching).Select(i => (i * 7) + (i % 5)).ToList();
        using var matches = new RowSet(rows);
        matches.AddAll([.. chosen]);
        var (providerCounts, topicCounts) = (Counts(providers.Names), new int[built.Slugs.Length]);

        records.CountInto(matches, providerCounts, null, null, topicCounts);

        Assert.Equal(Plain(providers.Names, chosen.Select(row => providers.Ids[row])), providerCounts);
        Assert.Equal(built.Slugs.Select(slug => chosen.Count(row => $"t{row % 7}" == slug)), topicCounts);
    }

    [Fact]
    public void CountsTooShortForTheIdsARecordHoldsAreRefusedBeforeAnyIsWritten()
    {
        var columns = RandomColumns.Build(new Random(2026_12_10), 500);
        var records = columns.Counting.Records!;
        using var matches = new RowSet(500);
        matches.AddAll([.. Enumerable.Range(0, 500)]);
        var (providers, topics) = (new int[columns.Provider.Names.Length], new int[columns.Topics.Slugs.Length - 1]);

        // The provider counts lack the slot of the rows without one; the topic counts lack the last topic's.
        Assert.Equal("providers", Assert.Throws<ArgumentOutOfRangeException>(() => records.CountInto(matches, providers, null, null, null)).ParamName);
        Assert.Equal("topics", Assert.Throws<ArgumentOutOfRangeException>(() => records.CountInto(matches, null, null, null, topics)).ParamName);
        Assert.All(providers.Concat(topics), count => Assert.Equal(0, count));
    }

    [Fact]
    public void NoRecordsAreBuiltWhenTheTopicIdsDoNotFitAByte()
    {
        var topics = new TopicPostings.Builder();
        foreach (var topic in Enumerable.Range(0, 255))
        {
            topics.Add(topic, $"t{topic}");
        }

        var names = new NameColumn.Builder();
        foreach (var _ in Enumerable.Range(0, 255))
        {
            names.Add("p");
        }

        var provider = names.Build();
        Assert.Null(FacetRecords.Build(255, provider, provider, provider, topics.Build()));
        Assert.NotNull(FacetRecords.Build(254, provider, provider, provider, new TopicPostings.Builder().Build()));
    }

    [Fact]
    public void FacetsCountedAtOnceAreThoseCountedApart()
    {
        var random = new Random(2026_12_09);
        var atOnce = 0;
        for (var draw = 0; draw < 200; draw++)
        {
            var rows = RandomColumns.RowCount(random);
            var columns = RandomColumns.Build(random, rows);
            var filter = RandomColumns.Filter(random, rows);
            using var matches = FilterMatches.Select(columns, filter, withPositions: true);
            string[] facets = ["topic", "provider", "type", "category"];
            if (NamedFacets.CountAtOnce(columns, matches, facets) is not { } together)
            {
                continue;
            }

            // A facet left out of the pass is counted apart by the caller.
            atOnce += together.ContainsKey("topic") ? 1 : 0;
            foreach (var (facet, names, values, perRow) in new[]
            {
                ("topic", columns.Topics.Slugs, columns.Counting.Topics, columns.Topics.PerRow),
                ("provider", columns.Provider.Names, columns.Counting.Provider, columns.Provider.PerRow),
                ("type", columns.Type.Names, columns.Counting.Type, columns.Type.PerRow),
                ("category", columns.Category.Names, columns.Counting.Category, columns.Category.PerRow),
            }.Where(f => together.ContainsKey(f.Item1)))
            {
                Assert.Equal(TopCounts.Count(names, values, matches, null, perRow), together[facet]);
            }
        }

        Assert.InRange(atOnce, 50, 200);
    }

    // A count per id and one more slot, for the rows without a value.
    private static int[] Counts(string[] names) => new int[names.Length + 1];

    private static int[] Plain(string[] names, IEnumerable<int> ids)
    {
        var counts = Counts(names);
        foreach (var id in ids)
        {
            counts[id < 0 ? names.Length : id]++;
        }

        return counts;
    }
}
