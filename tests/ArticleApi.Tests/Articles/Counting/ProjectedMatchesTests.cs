using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The matches read from copied columns (<see cref="ProjectedMatches"/>) against the per-row test of every condition,
/// for every source a random filter has (each topic group, provider group, type, category and date range whose
/// columns are copied), not only the smallest, on random columns of sizes around multiples of 64.
/// </summary>
public sealed class ProjectedMatchesTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(200)]
    public void EverySourceWithCopiedColumnsGivesTheRowsThePerRowTestKeeps(int distinctQuality)
    {
        var random = new Random(2026_12_07 + distinctQuality);
        var (sources, dated) = (0, 0);
        for (var draw = 0; draw < 400; draw++)
        {
            var rows = random.Next(2) == 0 ? random.Next(1000, 9000) : 64 * random.Next(2, 40);
            var columns = RandomColumns.Build(random, rows, distinctQuality);
            var filter = Narrowed(random, RandomColumns.Filter(random, rows, distinctQuality));
            using var test = MatchingRows.For(columns, filter);
            var expected = Enumerable.Range(0, rows).Where(test.Matches).ToList();
            foreach (var source in ProjectedSource.All(columns, filter))
            {
                using var plain = ProjectedMatches.Select(columns, filter, test, source);
                using var matches = ProjectedMatches.Select(columns, filter, test, source, withPositions: true);
                Assert.Equal(expected, plain.RowList());
                Assert.Null(plain.Positions);
                Assert.Equal(expected, matches.RowList());
                // Each match at one position of the source, a row of two parts at one of them only; a filter that
                // matches nothing (a value no row has) leaves none.
                Assert.Equal(expected, matches.Positions is { } positions ? Positioned(positions).Order() : []);
                (sources, dated) = (sources + 1, dated + (source.DatesCovered ? 1 : 0));
            }
        }

        // The draws reach sources of every kind: a date range's slice and the copied rows of topics and providers.
        Assert.InRange(dated, 100, sources - 100);
    }

    [Fact]
    public void TheSmallestSourceIsTakenOnlyWhenItHoldsAtMostHalfTheRows()
    {
        var columns = RandomColumns.Build(new Random(7), 4000);
        var common = columns.Topics.Slugs.MaxBy(slug => columns.Topics.Rows(slug).Length)!;
        var size = columns.Topics.Rows(common).Length;
        var dated = columns.Month.Ranks.Count(rank => rank != ValueColumn.None);
        var everyDate = new ColumnFilter { From = DateTimeOffset.FromUnixTimeMilliseconds(columns.PublishedAt.Min()) };
        Assert.InRange(size, 401, 2000);
        Assert.InRange(dated, 2001, 4000);

        Assert.Equal(size, ProjectedSource.Smallest(columns, new ColumnFilter { TopicGroups = [[common]] })!.Size);
        Assert.Equal(dated, ProjectedSource.All(columns, everyDate).Single().Size);
        Assert.Null(ProjectedSource.Smallest(columns, everyDate));
        Assert.Equal(size, ProjectedSource.Smallest(columns, everyDate with { TopicGroups = [[common]] })!.Size);
    }

    // The filter with a topic group, provider groups or a date range more often than RandomColumns draws them.
    internal static ColumnFilter Narrowed(Random random, ColumnFilter filter) => random.Next(5) switch
    {
        0 => filter with { TopicGroups = [["t0"], .. filter.TopicGroups] },
        1 => filter with { ProviderGroups = [["p0", $"p{random.Next(0, 3)}"]] },
        // Two provider groups, of which only the one the source is may be left out of the bitmaps.
        2 => filter with { ProviderGroups = [["p0", "p1"], ["p1", $"p{random.Next(2, 4)}"]] },
        3 => filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(RandomColumns.Instant(random)), To = DateTimeOffset.FromUnixTimeMilliseconds(RandomColumns.Instant(random) + (10 * 86_400_000L)) },
        _ => filter with { TopicGroups = [["t0", "t1"]], From = DateTimeOffset.FromUnixTimeMilliseconds(RandomColumns.Instant(random)) },
    };

    // The rows at the positions marked, part after part.
    internal static List<int> Positioned(SourcePositions positions)
    {
        var rows = new List<int>();
        for (var part = 0; part < positions.Parts.Count; part++)
        {
            var (copied, first, words) = (positions.Parts[part].Columns, positions.Parts[part].First, positions.Words(part).ToArray());
            for (var word = 0; word < words.Length; word++)
            {
                for (var bits = words[word]; bits != 0; bits &= bits - 1)
                {
                    var position = first + (word * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    Assert.InRange(position, first, positions.Parts[part].End - 1);
                    rows.Add(copied.Rows[position]);
                }
            }
        }

        return rows;
    }
}
