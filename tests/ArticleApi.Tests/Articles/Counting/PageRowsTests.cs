using ArticleApi.Articles.Counting;
using ArticleApi.Model;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The list orders of the columns and the pages found in them: exact orders on a few rows, and every page of random
/// filters, sorts and cursors over random columns against a sort of all matching rows.
/// </summary>
public sealed class PageRowsTests
{
    [Fact]
    public void AnOrderPutsRowsWithoutAValueFirstThenValuesThenIds()
    {
        // Rows 0-4: quality 50, none, 20, 50, none; ids rank 3, 0, 4, 1, 2.
        var columns = Columns([50, null, 20, 50, null], heat: [1, 1, 1, 1, 1], dates: [1, 1, 1, 1, 1], idRanks: [3, 0, 4, 1, 2]);
        Assert.Equal([1, 4, 2, 3, 0], columns.Order(OrderField.Quality).Rows);
    }

    [Fact]
    public void PopularityIsHeatThenRecencyWithUndatedRowsBelowEveryDate()
    {
        // Rows 0-4: heat 9, 9, none, 9, 3; dated 100, undated, 500, 200, 900.
        var columns = Columns([1, 1, 1, 1, 1], heat: [9, 9, null, 9, 3], dates: [100, null, 500, 200, 900], idRanks: [0, 1, 2, 3, 4]);
        // Ascending: no heat first; the list walks it backwards: 3, 0, 1 (undated last among heat 9), 4, 2.
        Assert.Equal([2, 4, 1, 0, 3], columns.Order(OrderField.Popularity).Rows);
        Assert.Equal(new RowPosition(true, 9, ArticleConfiguration.UndatedRecency, 1), columns.Order(OrderField.Popularity).Position(1));
    }

    [Fact]
    public void ARangeIsOneSliceOfItsOrder()
    {
        var columns = Columns([50, null, 20, 50, 35, 80], heat: [1, 1, 1, 1, 1, 1], dates: [1, 1, 1, 1, 1, 1], idRanks: [0, 1, 2, 3, 4, 5]);
        var order = columns.Order(OrderField.Quality);
        Assert.Equal([4, 0, 3], order.Slice(21, 50).ToArray());
        Assert.Equal([2, 4, 0, 3, 5], order.Slice(long.MinValue, long.MaxValue).ToArray());
        Assert.Empty(order.Slice(51, 79).ToArray());
    }

    [Fact]
    public void ANameColumnListsTheRowsOfEachValue()
    {
        var builder = new NameColumn.Builder();
        foreach (var name in new[] { "b.example", null, "a.example", "b.example", null, "b.example" })
        {
            builder.Add(name);
        }

        var providers = builder.Build();
        Assert.Equal([0, 3, 5], providers.Rows(providers.Id("b.example")).ToArray());
        Assert.Equal([2], providers.Rows(providers.Id("a.example")).ToArray());
    }

    [Fact]
    public void EveryPageOfRandomFiltersIsTheNextRowsOfAllMatchesInOrder()
    {
        var random = new Random(2026_12_06);
        for (var draw = 0; draw < 300; draw++)
        {
            var rows = random.Next(0, 400);
            int? Maybe(int low, int high, int noneIn) => random.Next(noneIn) == 0 ? null : random.Next(low, high);
            var columns = RandomColumns(random, rows, providers: 6);
            var filter = new ColumnFilter
            {
                Published = random.Next(3) switch { 0 => true, 1 => false, _ => null },
                MinQuality = Maybe(0, 12, 2),
                MaxHeat = Maybe(-1, 8, 2),
                From = random.Next(3) == 0 ? DateTimeOffset.FromUnixTimeMilliseconds(random.Next(0, 20) * 86_400_000L) : null,
                ProviderGroups = random.Next(3) == 0 ? [[$"p{random.Next(6)}.example", $"p{random.Next(6)}.example"]] : [],
            };
            var field = (OrderField)random.Next(4);
            var descending = field == OrderField.Popularity || random.Next(2) == 0;
            var count = random.Next(1, 6);
            using var test = MatchingRows.For(columns, filter);
            var ascending = Enumerable.Range(0, rows).Where(test.Matches).OrderBy(row => columns.Position(field, row)).ToList();
            var all = descending ? Enumerable.Reverse(ascending).ToList() : ascending;

            // Page after page, each cursor the last row's position, as the API continues.
            RowPosition? after = null;
            for (var start = 0; ; start += count)
            {
                var page = PageRows.Find(columns, filter, field, descending, after, count);
                Assert.Equal(all.Skip(start).Take(count), page);
                // The same page when the request's counts build the match set anyway and the page comes from it.
                Assert.Equal(page, PageRows.Find(columns, filter, field, descending, after, count, rowsWanted: true));
                if (page.Count < count)
                {
                    break;
                }

                after = columns.Position(field, page[^1]);
            }
        }
    }

    [Fact]
    public void PagesOfRareMatchesAmongThousandsOfRowsComeFromTheMatchSetInOrder()
    {
        // Several ranges, each keeping a fifth of the rows or so: every source is larger than the walk tests one by one,
        // and the rows all of them keep are too few to fill a long page within that walk, so the rest are found
        // through the whole match set (FilterMatches).
        var random = new Random(2026_12_07);
        for (var draw = 0; draw < 40; draw++)
        {
            var rows = random.Next(20_000, 40_000);
            var columns = RandomColumns(random, rows, providers: 8);
            var quality = random.Next(0, 10);
            var heat = random.Next(-1, 6);
            var day = random.Next(0, 16);
            var filter = new ColumnFilter
            {
                Published = random.Next(2) == 0,
                MinQuality = quality,
                MaxQuality = quality + 2,
                MinHeat = heat,
                MaxHeat = heat + 1,
                From = DateTimeOffset.FromUnixTimeMilliseconds(day * 86_400_000L),
                To = DateTimeOffset.FromUnixTimeMilliseconds((day + 4) * 86_400_000L),
                ExcludedProviders = random.Next(2) == 0 ? [$"p{random.Next(8)}.example"] : [],
            };
            var field = (OrderField)random.Next(4);
            var descending = field == OrderField.Popularity || random.Next(2) == 0;
            var count = random.Next(60, 300);
            using var test = MatchingRows.For(columns, filter);
            var ascending = Enumerable.Range(0, rows).Where(test.Matches).OrderBy(row => columns.Position(field, row)).ToList();
            var all = descending ? Enumerable.Reverse(ascending).ToList() : ascending;

            // The first page, the next, and a page after a cursor anywhere among the matches.
            var firstPage = PageRows.Find(columns, filter, field, descending, null, count);
            Assert.Equal(all.Take(count), firstPage);
            Assert.Equal(firstPage, PageRows.Find(columns, filter, field, descending, null, count, rowsWanted: true));
            if (firstPage.Count > 0)
            {
                Assert.Equal(all.Skip(count).Take(count), PageRows.Find(columns, filter, field, descending, columns.Position(field, firstPage[^1]), count));
                var at = random.Next(all.Count);
                Assert.Equal(all.Skip(at + 1).Take(count), PageRows.Find(columns, filter, field, descending, columns.Position(field, all[at]), count));
            }
        }
    }

    // Quality, heat, dates, providers each missing now and then; ids in a random order.
    private static ArticleColumns RandomColumns(Random random, int rows, int providers)
    {
        int? Maybe(int low, int high, int noneIn) => random.Next(noneIn) == 0 ? null : random.Next(low, high);
        return Columns(
            [.. Enumerable.Range(0, rows).Select(_ => Maybe(0, 12, 6))],
            heat: [.. Enumerable.Range(0, rows).Select(_ => Maybe(-1, 8, 3))],
            dates: [.. Enumerable.Range(0, rows).Select(_ => (long?)(random.Next(5) == 0 ? null : random.Next(0, 20) * 86_400_000L))],
            idRanks: [.. Enumerable.Range(0, rows).OrderBy(_ => random.Next())],
            published: [.. Enumerable.Range(0, rows).Select(_ => (sbyte)random.Next(-1, 2))],
            providers: [.. Enumerable.Range(0, rows).Select(_ => random.Next(4) == 0 ? null : $"p{random.Next(providers)}.example")]);
    }

    private static ArticleColumns Columns(int?[] quality, int?[] heat, long?[] dates, int[] idRanks, sbyte[]? published = null, string?[]? providers = null)
    {
        var keys = Enumerable.Range(0, quality.Length).Select(row => (long)(row * 3) + 1).ToArray();
        NameColumn Names(IEnumerable<string?> values)
        {
            var builder = new NameColumn.Builder();
            foreach (var value in values)
            {
                builder.Add(value);
            }

            return builder.Build();
        }

        return new ArticleColumns
        {
            Keys = keys,
            Published = published ?? [.. quality.Select(_ => (sbyte)1)],
            Quality = ValueColumn.Build([.. quality]),
            Heat = ValueColumn.Build([.. heat]),
            Provider = Names(providers ?? quality.Select(_ => (string?)null)),
            Type = Names(quality.Select(_ => (string?)"article")),
            Category = Names(quality.Select(_ => (string?)null)),
            PublishedAt = [.. dates.Select(d => d ?? 0)],
            Month = ValueColumn.Build([.. dates.Select(d => d is { } ms ? ArticleColumns.MonthOf(ms) : (int?)null)]),
            Topics = new TopicPostings.Builder().Build(),
            IdRanks = idRanks,
        };
    }
}
