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
        Assert.Equal([0, 63, 64, 65, 128, 199], Rows(set));
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
        Assert.Empty(Rows(fresh));
    }

    [Fact]
    public void ADisposedSetCannotBeRead()
    {
        var set = new RowSet(10);
        set.Dispose();
        set.Dispose();
        Assert.Throws<ObjectDisposedException>(() => set.Contains(1));
    }

    private static List<int> Rows(RowSet set)
    {
        var rows = new List<int>();
        foreach (var row in set)
        {
            rows.Add(row);
        }

        return rows;
    }
}
