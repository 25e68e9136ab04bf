using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The facets of a set read from copied columns counted from the records copied in the source's order, at the
/// positions the set kept (<see cref="SourcePositions"/>), against the same rows counted from every row's record.
/// </summary>
public sealed class SourcePositionsTests
{
    [Fact]
    public void ASetReadFromCopiedColumnsIsCountedFromTheirRecordsAsFromEveryRowsOwn()
    {
        // Every source of random narrowed filters: topic groups (a row of two topics in both parts), providers, type,
        // category, date ranges; the set with its positions against the same rows without them.
        var random = new Random(2026_12_11);
        var counted = 0;
        for (var draw = 0; draw < 300; draw++)
        {
            var rows = random.Next(2) == 0 ? random.Next(500, 5000) : 64 * random.Next(2, 40);
            var columns = RandomColumns.Build(random, rows);
            var records = columns.Counting.Records!;
            var filter = ProjectedMatchesTests.Narrowed(random, RandomColumns.Filter(random, rows));
            using var test = MatchingRows.For(columns, filter);
            foreach (var source in ProjectedSource.All(columns, filter))
            {
                using var found = ProjectedMatches.Select(columns, filter, test, source, withPositions: true);
                using var plain = new RowSet(rows);
                plain.AddAll([.. Enumerable.Range(0, rows).Where(found.Contains)]);
                Assert.True(found.Count == 0 || found.Positions!.HaveRecords);
                Assert.Null(plain.Positions);
                var (fromCopies, fromRows) = (Counts(columns), Counts(columns));

                records.CountInto(found, fromCopies[0], fromCopies[1], fromCopies[2], fromCopies[3]);
                records.CountInto(plain, fromRows[0], fromRows[1], fromRows[2], fromRows[3]);

                // Provider, type, category and topic counts alike.
                for (var field = 0; field < 4; field++)
                {
                    Assert.Equal(fromRows[field], fromCopies[field]);
                }

                counted += found.Count > 0 ? 1 : 0;
            }
        }

        Assert.InRange(counted, 200, int.MaxValue);
    }

    // A count per id and one more slot, for the rows without a value: provider, type, category, topic.
    private static int[][] Counts(ArticleColumns columns) =>
        [new int[columns.Provider.Names.Length + 1], new int[columns.Type.Names.Length + 1], new int[columns.Category.Names.Length + 1], new int[columns.Topics.Slugs.Length + 1]];
}
