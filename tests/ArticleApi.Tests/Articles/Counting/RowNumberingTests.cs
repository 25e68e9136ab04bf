using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// Rows renumbered in date order (<see cref="RowNumbering"/>), as the columns are read: every column says of a row
/// what it said of the row it was, each key finds its new row, each value's rows are ascending again, and a date
/// range's matches, built a word at a time from its run of rows, are those of the per-row test.
/// </summary>
public sealed class RowNumberingTests
{
    [Fact]
    public void RowsAreNumberedUndatedFirstThenByInstantThenById()
    {
        // Rows 1 and 4 undated; 2 and 5 at the same instant, 0 and 3 at a later one: ties go by id rank.
        var columns = Columns(publishedAt: [500, 0, 100, 500, 42, 100], dated: [true, false, true, true, false, true], idRanks: [5, 4, 3, 2, 1, 0]);

        var oldRows = RowNumbering.ByDate(columns);

        Assert.Equal([4, 1, 5, 2, 3, 0], oldRows);
        Assert.Equal([5, 1, 3, 4, 0, 2], RowPermutation.NewRows(oldRows));
        Assert.Equal(["e", "b", "f", "c", "d", "a"], RowPermutation.Reorder(["a", "b", "c", "d", "e", "f"], oldRows));
        var renumbered = RowNumbering.InDateOrder(columns);
        Assert.Equal([15, 12, 16, 13, 14, 11], renumbered.Keys);
        Assert.Equal([5, 1, 3, 4, 0, 2], Enumerable.Range(11, 6).Select(key => renumbered.RowOf(key)));
        Assert.Equal(-1, renumbered.RowOf(10));
        Assert.Equal(-1, renumbered.RowOf(17));
        Assert.True(renumbered.Order(OrderField.PublishedAt).InRowOrder);
        Assert.False(columns.Order(OrderField.PublishedAt).InRowOrder);
    }

    [Fact]
    public void RenumberedColumnsSayOfEachRowWhatTheySaidOfTheRowItWas()
    {
        var random = new Random(2026_12_08);
        var rowsCompared = 0;
        for (var draw = 0; draw < 60; draw++)
        {
            var rows = RandomColumns.RowCount(random);
            var old = RandomColumns.Build(random, rows);
            var renumbered = RowNumbering.InDateOrder(old);
            var oldRows = RowNumbering.ByDate(old);
            var newRows = RowPermutation.NewRows(oldRows);

            for (var row = 0; row < rows; row++)
            {
                var was = oldRows[row];
                Assert.Equal(old.Keys[was], renumbered.Keys[row]);
                Assert.Equal(row, renumbered.RowOf(old.Keys[was]));
                Assert.Equal(old.Published[was], renumbered.Published[row]);
                Assert.Equal(old.Quality.ValueOf(was), renumbered.Quality.ValueOf(row));
                Assert.Equal(old.Heat.ValueOf(was), renumbered.Heat.ValueOf(row));
                Assert.Equal(old.Month.ValueOf(was), renumbered.Month.ValueOf(row));
                Assert.Equal(old.PublishedAt[was], renumbered.PublishedAt[row]);
                Assert.Equal(old.Provider.Ids[was], renumbered.Provider.Ids[row]);
                Assert.Equal(old.Type.Ids[was], renumbered.Type.Ids[row]);
                Assert.Equal(old.Category.Ids[was], renumbered.Category.Ids[row]);
                Assert.Equal(old.IdRanks[was], renumbered.IdRanks[row]);
                rowsCompared++;
            }

            // Each value's rows are the new numbers of its old rows, ascending; and each row's topics say the same.
            foreach (var (before, after) in new[] { (old.Provider, renumbered.Provider), (old.Type, renumbered.Type), (old.Category, renumbered.Category) })
            {
                Assert.Equal(before.Names, after.Names);
                for (var id = 0; id < before.Names.Length; id++)
                {
                    Assert.Equal(before.Rows(id).Select(row => newRows[row]).Order(), after.Rows(id));
                }
            }

            Assert.Equal(old.Topics.Slugs, renumbered.Topics.Slugs);
            using var every = new RowSet(rows);
            every.AddAll([.. Enumerable.Range(0, rows)]);
            var perRow = new int[renumbered.Topics.Slugs.Length];
            renumbered.Topics.PerRow.CountInto(perRow, every);
            for (var id = 0; id < old.Topics.Slugs.Length; id++)
            {
                Assert.Equal(old.Topics.Rows(id).ToArray().Select(row => newRows[row]).Order(), renumbered.Topics.Rows(id).ToArray());
                Assert.Equal(old.Topics.Rows(id).Length, perRow[id]);
            }

            Assert.True(renumbered.Order(OrderField.PublishedAt).InRowOrder);
        }

        Assert.True(rowsCompared > 20_000, $"{rowsCompared} rows");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(200)]
    public void ADateRangesMatchesInRowsNumberedByDateAreTheRowsThePerRowTestKeeps(int distinctQuality)
    {
        var random = new Random(2026_12_08 + distinctQuality);
        var fromTheRun = 0;
        for (var draw = 0; draw < 400; draw++)
        {
            var rows = RandomColumns.RowCount(random);
            var columns = RowNumbering.InDateOrder(RandomColumns.Build(random, rows, distinctQuality));
            // A narrow range, often the smallest source: its run of rows is where the matches are built.
            var from = RandomColumns.Instant(random);
            var filter = RandomColumns.Filter(random, rows, distinctQuality, plain: random.Next(2) == 0) with
            {
                From = DateTimeOffset.FromUnixTimeMilliseconds(from),
                To = DateTimeOffset.FromUnixTimeMilliseconds(from + random.Next(0, 4 * 86_400_000)),
            };
            using var test = MatchingRows.For(columns, filter);
            using var matches = FilterMatches.Select(columns, filter);

            var expected = Enumerable.Range(0, rows).Where(test.Matches).ToList();
            Assert.Equal(expected, matches.RowList());
            Assert.Equal(expected.Count, matches.Count);
            if (test.Projected is { DatesCovered: true })
            {
                fromTheRun++;
            }
        }

        // The guard against draws that never reach the run of rows.
        Assert.True(fromTheRun > 100, $"{fromTheRun} draws from a date range's run of rows");
    }

    private static ArticleColumns Columns(long[] publishedAt, bool[] dated, int[] idRanks)
    {
        var rows = publishedAt.Length;
        var names = new NameColumn.Builder();
        var topics = new TopicPostings.Builder();
        for (var row = 0; row < rows; row++)
        {
            names.Add(null);
            topics.Add(row, $"t{row % 2}");
        }

        return new ArticleColumns
        {
            Keys = [.. Enumerable.Range(11, rows).Select(key => (long)key)],
            Published = new sbyte[rows],
            Quality = ValueColumn.Build([.. Enumerable.Repeat<int?>(null, rows)]),
            Heat = ValueColumn.Build([.. Enumerable.Repeat<int?>(null, rows)]),
            Provider = names.Build(),
            Type = names.Build(),
            Category = names.Build(),
            PublishedAt = publishedAt,
            Month = ValueColumn.Build([.. dated.Select(d => d ? (int?)0 : null)]),
            Topics = topics.Build(),
            IdRanks = idRanks,
        };
    }
}
