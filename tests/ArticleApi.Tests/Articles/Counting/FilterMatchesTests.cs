using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The matches counted 64 rows at a time (vector compares, bitmaps) against the per-row test of every condition, on
/// random columns and filters: every kind of condition, sizes off multiples of 64, impossible ranges, missing values.
/// </summary>
public sealed class FilterMatchesTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(200)]
    public void TheMatchesOfRandomFiltersAreTheRowsThePerRowTestKeeps(int distinctQuality)
    {
        var random = new Random(2026_12_06 + distinctQuality);
        for (var draw = 0; draw < 400; draw++)
        {
            var rows = RandomColumns.RowCount(random);
            var columns = RandomColumns.Build(random, rows, distinctQuality);
            var filter = RandomColumns.Filter(random, rows, distinctQuality);
            using var test = MatchingRows.For(columns, filter);
            using var matches = FilterMatches.Select(columns, filter);

            var expected = Enumerable.Range(0, rows).Where(test.Matches).ToList();
            Assert.Equal(expected, matches.RowList());
            Assert.Equal(expected.Count, matches.Count);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void AWordOfRangeBitsHasABitForEachOfItsRowsInTheRangeAndNoneBeyondTheColumn(int start)
    {
        var random = new Random(start);
        sbyte[] bytes = [.. Enumerable.Range(0, 150).Select(_ => (sbyte)random.Next(-1, 20))];
        short[] shorts = [.. bytes.Select(b => (short)(b * 300))];
        int[] ints = [.. bytes.Select(b => b * 70_000)];
        for (var (first, last) = (0, 0); first < 22; (first, last) = (first + 1, random.Next(-1, 22)))
        {
            var expected = Expected(bytes, start, first, last);
            Assert.Equal(expected, RangeBits.Word<sbyte>(bytes, start, (sbyte)first, (sbyte)last));
            Assert.Equal(expected, RangeBits.Word<short>(shorts, start, (short)(first * 300), (short)(last * 300)));
            Assert.Equal(expected, RangeBits.Word<int>(ints, start, first * 70_000, last * 70_000));
        }
    }

    [Fact]
    public void RanksOfMoreValuesThanAShortHoldsAreComparedAsTheyAre()
    {
        var values = Enumerable.Range(0, 50_000).Select(row => row % 5 == 0 ? null : (int?)(row * 7919 % 100_000)).ToList();
        var column = ValueColumn.Build(values);
        Assert.True(column.Values.Length > short.MaxValue);
        var ranks = new NarrowRanks(column);
        Assert.Equal(0, ranks.Bytes);
        var (first, last) = column.RankRange(20_000, 60_000);
        for (var word = 0; word < (values.Count + 63) / 64; word++)
        {
            Assert.Equal(Expected(column.Ranks, word * 64, first, last), ranks.Word(word, first, last));
        }
    }

    private static ulong Expected<T>(T[] values, int start, int first, int last)
        where T : System.Numerics.INumber<T>
    {
        var word = 0UL;
        for (var row = start; row < Math.Min(values.Length, start + 64); row++)
        {
            var value = int.CreateTruncating(values[row]);
            word |= value >= first && value <= last ? 1UL << (row - start) : 0;
        }

        return word;
    }
}
