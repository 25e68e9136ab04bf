using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// A position's index in an order (<see cref="RowOrder.IndexOf"/>), found through the fence of every
/// <see cref="RowOrder.FenceStep"/>th row, against a count of the rows before it, for every order of random columns
/// of sizes around the fence's steps, at the rows' own positions and between and beyond them.
/// </summary>
public sealed class RowOrderTests
{
    [Fact]
    public void APositionsIndexIsTheNumberOfRowsBeforeIt()
    {
        var random = new Random(2026_12_07);
        var searched = 0;
        foreach (var rows in new[] { 1, 15, 16, 17, 31, 32, 33, 200, 1023, 1024, 1025, 4000 })
        {
            var columns = RandomColumns.Build(random, rows, distinctQuality: rows % 2 == 0 ? 12 : 200);
            foreach (var field in Enum.GetValues<OrderField>())
            {
                var order = columns.Order(field);
                var positions = Enumerable.Range(0, rows).Select(row => columns.Position(field, row)).ToList();
                var probes = positions.Take(300).SelectMany(Around).Concat(Extremes()).ToList();
                foreach (var probe in probes)
                {
                    foreach (var after in new[] { false, true })
                    {
                        var expected = positions.Count(position => position.CompareTo(probe) < 0 || (after && position.CompareTo(probe) == 0));
                        Assert.Equal(expected, order.IndexOf(probe, after));
                        searched++;
                    }
                }
            }
        }

        // Every size, order and probe above: the count guards against a loop that checked nothing.
        Assert.True(searched > 20_000, $"{searched} searches");
    }

    // A row's own position, and positions just before and after it.
    private static IEnumerable<RowPosition> Around(RowPosition position) =>
    [
        position,
        position with { IdRank = position.IdRank - 1 },
        position with { IdRank = position.IdRank + 1 },
        position with { Value = position.Value + 1, Then = long.MinValue, IdRank = int.MinValue },
    ];

    // Positions before and after every row, with and without a value.
    private static IEnumerable<RowPosition> Extremes() =>
    [
        new RowPosition(false, long.MinValue, long.MinValue, int.MinValue),
        new RowPosition(false, long.MaxValue, long.MaxValue, int.MaxValue),
        new RowPosition(true, long.MinValue, long.MinValue, int.MinValue),
        new RowPosition(true, long.MaxValue, long.MaxValue, int.MaxValue),
    ];
}
