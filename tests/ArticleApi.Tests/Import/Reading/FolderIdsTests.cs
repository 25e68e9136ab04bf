using ArticleApi.Import.Reading;

namespace ArticleApi.Tests.Import.Reading;

public sealed class FolderIdsTests
{
    [Fact]
    public void PathsThatSlugAlikeEachGetTheirOwnStableSuffix()
    {
        var (ids, _) = Assign(["a_b/x.md", "a-b/x.md", "news/x.md"]);

        Assert.Equal("a-b-x-" + Suffix("a_b/x.md"), ids["a_b/x.md"]);
        Assert.Equal("a-b-x-" + Suffix("a-b/x.md"), ids["a-b/x.md"]);
        Assert.NotEqual(ids["a_b/x.md"], ids["a-b/x.md"]);
        Assert.Equal("news-x", ids["news/x.md"]);
    }

    [Fact]
    public void TheSameFileNameInTwoFoldersNeedsNoSuffix()
    {
        var (ids, _) = Assign(["news/same.md", "archive/same.md"]);

        Assert.Equal(("news-same", "archive-same"), (ids["news/same.md"], ids["archive/same.md"]));
    }

    [Fact]
    public void APlainIdThatEqualsAnotherPathsSuffixedIdIsSuffixedToo()
    {
        // The third file is named after the first one's suffixed id: before, both got that id and every pass failed.
        var third = $"coll/a-b-x-{Suffix("coll/a_b/x.md")}.md";

        var (ids, collisions) = Assign(["coll/a_b/x.md", "coll/a-b/x.md", third]);

        Assert.Empty(collisions);
        Assert.Equal(3, ids.Values.Distinct().Count());
        Assert.Equal(ArticleIdentity.DisambiguatedId(third), ids[third]);
    }

    [Fact]
    public void SuffixingGoesOnUntilNoPlainIdEqualsASuffixedOne()
    {
        // Suffixing the third path gives an id a fourth path has as its plain id: the fourth is suffixed in turn.
        var third = $"c/a-b-x-{Suffix("c/a_b/x.md")}.md";
        var fourth = $"c/a-b-x-{Suffix("c/a_b/x.md")}-{Suffix(third)}.md";

        var (ids, collisions) = Assign(["c/a_b/x.md", "c/a-b/x.md", third, fourth, "c/plain.md"]);

        Assert.Empty(collisions);
        Assert.Equal(ArticleIdentity.DisambiguatedId(fourth), ids[fourth]);
        Assert.Equal("c-plain", ids["c/plain.md"]);
        Assert.Equal(5, ids.Values.Distinct().Count());
    }

    [Fact]
    public void PathsWhoseSuffixedIdsStillCollideFailEachWithTheReason()
    {
        // Two paths that slug alike and whose hashes share their first 8 hex digits (c44e3242), found by search.
        const string First = "a ~_+.b/x.md";
        const string Second = "a_, =.=b/x.md";

        var (ids, collisions) = Assign([First, Second, "a/other.md"]);

        Assert.Equal(["a/other.md"], ids.Keys);
        Assert.Equal("its id 'a-b-x-c44e3242' is also the id of 'a_, =.=b/x.md': rename one of them", collisions[First]);
        Assert.Equal("its id 'a-b-x-c44e3242' is also the id of 'a ~_+.b/x.md': rename one of them", collisions[Second]);
    }

    [Fact]
    public void AnIdIsKnownAsTheIdOfSomePathOnlyWhenAPathHasIt()
    {
        var ids = new FolderIds(["a_b/z.md", "a-b/z.md", "news/x.md", "a ~_+.b/x.md", "a_, =.=b/x.md"]);

        Assert.True(ids.IsIdOfAny("news-x"));
        Assert.True(ids.IsIdOfAny("a-b-z-" + Suffix("a-b/z.md")));
        // Shared plain ids and colliding suffixed ids belong to no path.
        Assert.False(ids.IsIdOfAny("a-b-z"));
        Assert.False(ids.IsIdOfAny("a-b-x-c44e3242"));
        Assert.False(ids.IsIdOfAny("news"));
    }

    [Fact]
    public void AManyPathsFolderGetsEveryPlainIdWhenNoneAreShared()
    {
        var paths = Enumerable.Range(0, 20_000).Select(n => $"{n % 100:D2}/article-{n:D6}.md").ToList();

        var ids = new FolderIds(paths);

        Assert.Empty(ids.Collisions);
        Assert.Equal("07-article-012307", ids.IdOf(12_307));
        Assert.Equal(20_000, Enumerable.Range(0, paths.Count).Select(ids.IdOf).Distinct().Count());
    }

    private static (Dictionary<string, string> Ids, Dictionary<string, string> Collisions) Assign(string[] paths)
    {
        var folder = new FolderIds(paths);
        var ids = Enumerable.Range(0, paths.Length).Where(index => folder.IdOf(index) is not null).ToDictionary(index => paths[index], index => folder.IdOf(index)!);
        return (ids, folder.Collisions.ToDictionary(collision => paths[collision.Key], collision => collision.Value));
    }

    private static string Suffix(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)).AsSpan(0, 4));
}
