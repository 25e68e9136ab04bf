using System.Numerics;
using ArticleApi.Articles.Counting;

namespace ArticleApi.Tests.Articles.Counting;

public sealed class RowSetTests
{
    [Fact]
    public void RowsAcrossWordBoundariesAreKeptCountedAndListedInOrder()
    {
        using var set = new RowSet(200);
        set.AddAll([199, 64, 0, 63, 65]);
        set.Add(128);
        set.Add(64);

        Assert.Equal(6, set.Count);
        Assert.Equal([0, 63, 64, 65, 128, 199], set.RowList());
        Assert.True(set.Contains(63));
        Assert.False(set.Contains(62));
        Assert.Equal(3, set.CountOf([0, 1, 64, 65, 66]));
    }

    [Fact]
    public void ACountIsKeptUntilTheSetIsWrittenAgain()
    {
        using var set = new RowSet(200);
        set.Add(3);
        Assert.Equal(1, set.Count);
        set.AddAll([5, 6]);
        Assert.Equal(3, set.Count);
        set.Add(199);
        Assert.Equal(4, set.Count);
        set.Bits[0] |= 1UL << 10;
        Assert.Equal(5, set.Count);
        Assert.Equal(5, BitOperations.PopCount(set.Read[0]) + BitOperations.PopCount(set.Read[3]));
        Assert.Equal(5, set.Count);
    }

    [Fact]
    public void ARangeOfWordsListsOnlyItsRowsAndStopsAtTheLastWord()
    {
        using var set = new RowSet(200);
        set.AddAll([0, 63, 64, 127, 128, 199]);

        Assert.Equal([64, 127], [.. set.Range(1, 1)]);
        Assert.Equal([0, 63, 64, 127], [.. set.Range(0, 2)]);
        Assert.Equal([128, 199], [.. set.Range(2, 16)]);
        Assert.Equal([], [.. set.Range(4, 16)]);
    }

    [Fact]
    public void ASparseSetListsItsRowsAcrossLongRunsOfEmptyWordsAndARangeStopsInsideOne()
    {
        using var set = new RowSet(1_000_000);
        set.AddAll([0, 63, 64, (4096 * 64) + 5, 999_999]);

        Assert.Equal([0, 63, 64, 262_149, 999_999], set.RowList());
        Assert.Equal([64, 262_149], [.. set.Range(1, 10_000)]);
        // The run of empty words after word 1 goes on past the range's last word: the search stops at that word.
        Assert.Equal([], [.. set.Range(2, 4000)]);
        Assert.Equal([999_999], [.. set.Range(4097, 20_000)]);
    }

    [Fact]
    public void ASetStartsEmptyEvenOnWordsAnEarlierSetReturnedToThePool()
    {
        using (var used = new RowSet(100_000))
        {
            for (var row = 0; row < 100_000; row += 3)
            {
                used.Add(row);
            }
        }

        using var fresh = new RowSet(100_000);
        Assert.Equal(0, fresh.Count);
        Assert.Empty(fresh.RowList());
    }

    [Fact]
    public void ARowIsAddedAsNewOnlyWhenTheSetDoesNotHoldItYet()
    {
        using var set = new RowSet(200);
        Assert.True(set.AddNew(70));
        Assert.Equal(1, set.Count);
        Assert.False(set.AddNew(70));
        Assert.True(set.AddNew(71));
        Assert.Equal(2, set.Count);
        Assert.Equal([70, 71], set.RowList());
    }

    [Fact]
    public void PositionsStayWhileTheSetIsReadAndGoOnceItIsWritten()
    {
        var columns = RandomColumns.Build(new Random(5), 300);
        var part = new ProjectedPart(columns.Counting.DateOrder, 0, 300);
        foreach (var write in new Action<RowSet>[] { set => set.Add(1), set => set.AddAll([2]), set => set.AddNew(3), set => _ = set.Bits })
        {
            using var set = new RowSet(300);
            set.Add(0);
            var positions = new SourcePositions([part]);
            set.SetPositions(positions);

            // Reads leave them.
            _ = (set.Count, set.Read.Length, set.Contains(0), set.CountOf([0]), set.CountAnd(new ulong[5]), set.RowList());
            Assert.Same(positions, set.Positions);

            write(set);
            Assert.Null(set.Positions);
        }

        // A row already held changes nothing; the set's end returns the positions' words.
        var held = new RowSet(300);
        held.AddAll([7, 8]);
        var kept = new SourcePositions([part]);
        held.SetPositions(kept);
        Assert.False(held.AddNew(7));
        held.Add(8);
        Assert.Same(kept, held.Positions);
        held.Dispose();
        Assert.Throws<ObjectDisposedException>(() => kept.Words(0));
    }

    [Fact]
    public void ADisposedSetCannotBeRead()
    {
        var set = new RowSet(10);
        set.Dispose();
        set.Dispose();
        Assert.Throws<ObjectDisposedException>(() => set.Contains(1));
    }
}
