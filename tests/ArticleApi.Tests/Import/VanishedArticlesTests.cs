using ArticleApi.Import;
using ArticleApi.Import.Reading;

namespace ArticleApi.Tests.Import;

public sealed class VanishedArticlesTests
{
    private static readonly ContentDigest One = ContentDigest.Of("one"u8);
    private static readonly ContentDigest Two = ContentDigest.Of("two"u8);

    [Fact]
    public void ARowIsTakenOnceByItsDigestAndTheRestAreLeftToDelete()
    {
        var gone = new VanishedArticles();
        gone.Add(7, One);
        gone.Add(3, One);
        gone.Add(5, Two);

        Assert.True(gone.TryTakeByDigest(One, out var first));
        Assert.True(gone.TryTakeByDigest(One, out var second));
        Assert.False(gone.TryTakeByDigest(One, out _));
        Assert.False(gone.TryTakeByDigest(ContentDigest.Of("three"u8), out _));

        Assert.Equal((3L, 7L), (first, second));
        Assert.Equal([5L], gone.TakeRest());
        Assert.Empty(gone.TakeRest());
        Assert.Equal(0, gone.Count);
    }

    [Fact]
    public void ADigestReadsBackAsTheHexTheDatabaseKeeps()
    {
        const string Hex = "7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed";

        Assert.Equal(Hex, One.ToString());
        Assert.Equal(One, ContentDigest.Parse(Hex));
        Assert.Equal(default, ContentDigest.Parse("not a hash"));
    }
}
