using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

public sealed class ValueColumnTests
{
    private static readonly ValueColumn Heat = ValueColumn.Build([50, null, -1, 7, 50, 100, int.MaxValue]);

    [Fact]
    public void EachRowHoldsTheRankOfItsValueAmongTheDistinctValues()
    {
        Assert.Equal([-1, 7, 50, 100, int.MaxValue], Heat.Values);
        Assert.Equal([2, ValueColumn.None, 0, 1, 2, 3, 4], Heat.Ranks);
    }

    [Theory]
    [InlineData(null, null, 0, 4)]
    [InlineData(7, null, 1, 4)]
    [InlineData(8, null, 2, 4)] // between two values: from the next one up
    [InlineData(null, 50, 0, 2)]
    [InlineData(null, 49, 0, 1)]
    [InlineData(-1, -1, 0, 0)]
    [InlineData(51, 99, 3, 2)] // no value inside: empty, last before first
    [InlineData(101, null, 4, 4)]
    [InlineData(null, int.MaxValue, 0, 4)]
    [InlineData(int.MinValue, -2, 0, -1)]
    public void ARangeOfValuesIsARangeOfRanks(int? min, int? max, int first, int last) =>
        Assert.Equal((first, last), Heat.RankRange(min, max));

    [Fact]
    public void AColumnWithoutValuesHasAnEmptyRangeForEveryFilter()
    {
        var empty = ValueColumn.Build([null, null]);
        Assert.Empty(empty.Values);
        Assert.Equal((0, -1), empty.RankRange(null, null));
        Assert.Equal((0, -1), empty.RankRange(0, 10));
    }
}
