using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// A field of one value per row counted over matching rows: through two-byte ids when every id fits them, through the
/// ids themselves when one does not, rows without a value counted in neither.
/// </summary>
public sealed class RowValuesTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(70_000)]
    public void EachMatchingRowAddsOneToItsValueAndRowsWithoutOneAddNothing(int largestId)
    {
        // Rows 0-9: ids 0, none, 2, largest, 0, none, 2, 2, largest, 1.
        int[] ids = [0, -1, 2, largestId, 0, -1, 2, 2, largestId, 1];
        using var matches = new RowSet(ids.Length);
        matches.AddAll([0, 1, 2, 3, 5, 6, 8, 9]);
        var counts = new int[largestId + 1];

        RowValues.One(ids).CountInto(counts, matches);

        var expected = new int[largestId + 1];
        (expected[0], expected[1], expected[2]) = (1, 1, 2);
        expected[largestId] += 2;
        Assert.Equal(expected, counts);
    }

    [Fact]
    public void CountsTooShortForTheLargestIdAreRefused()
    {
        using var matches = new RowSet(3);
        matches.AddAll([0, 1, 2]);
        var counts = new int[2];

        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => RowValues.One([0, 2, -1]).CountInto(counts, matches)).ParamName);
        Assert.Equal([0, 0], counts);
    }
}
