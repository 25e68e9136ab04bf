using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

/// <summary>
/// The pass that asks for each row's data ahead of its visit (<see cref="RowsAhead"/>): every row of the set visited
/// once, in ascending order, each asked for before its visit and no further ahead than the distance.
/// </summary>
public sealed class RowsAheadTests
{
    /// <summary>Set sizes on both sides of the distance: none, one, one short of it, it, one past it, and past twice it.</summary>
    public static TheoryData<int> SizesAroundTheDistance =>
        [0, 1, RowsAhead.Distance - 1, RowsAhead.Distance, RowsAhead.Distance + 1, (2 * RowsAhead.Distance) + 3];

    [Theory]
    [MemberData(nameof(SizesAroundTheDistance))]
    public void EveryRowIsVisitedOnceInOrderAfterItsPrefetch(int size)
    {
        const int rows = 5000;
        var chosen = Enumerable.Range(0, rows).OrderBy(row => (row * 7919) % rows).Take(size).Order().ToList();
        using var set = new RowSet(rows);
        set.AddAll([.. chosen]);
        var visitor = new Recorder([]);

        RowsAhead.Visit(set.Read, ref visitor);

        Assert.Equal(chosen, visitor.Events.Where(e => e.Visit).Select(e => e.Row));
        Assert.Equal(chosen, visitor.Events.Where(e => !e.Visit).Select(e => e.Row));
        for (var i = 0; i < chosen.Count; i++)
        {
            var asked = visitor.Events.FindIndex(e => !e.Visit && e.Row == chosen[i]);
            var visited = visitor.Events.FindIndex(e => e.Visit && e.Row == chosen[i]);
            Assert.True(asked < visited, $"row {chosen[i]} visited before it was asked for");
            // Between a row's prefetch and its visit, at most Distance other rows are asked for (exactly Distance while
            // more rows follow).
            var others = visitor.Events.Take(visited).Skip(asked + 1).Count(e => !e.Visit);
            Assert.Equal(Math.Min(RowsAhead.Distance, chosen.Count - 1 - i), others);
        }
    }

    [Fact]
    public void ASparseSetOverAMillionRowsIsVisitedAcrossItsRunsOfEmptyWords()
    {
        int[] chosen = [0, 63, 64, 130, (4096 * 64) + 5, 999_936, 999_999];
        using var set = new RowSet(1_000_000);
        set.AddAll(chosen);
        var visitor = new Recorder([]);

        RowsAhead.Visit(set.Read, ref visitor);

        Assert.Equal(chosen, visitor.Events.Where(e => e.Visit).Select(e => e.Row));
        Assert.Equal(chosen, visitor.Events.Where(e => !e.Visit).Select(e => e.Row));
    }

    private readonly struct Recorder(List<(bool Visit, int Row)> events) : IRowVisitor
    {
        public List<(bool Visit, int Row)> Events => events;

        public void Prefetch(int row) => events.Add((false, row));

        public void Visit(int row) => events.Add((true, row));
    }
}
