using ArticleApi.Import;
using ArticleApi.Import.Reading;

namespace ArticleApi.Tests.Import.Reading;

public sealed class ArticleIdentityTests
{
    [Theory]
    [InlineData("ai/_news/2021-11-09-nvidia-teaching-kits.md", "ai-news-2021-11-09-nvidia-teaching-kits")]
    [InlineData("powerapps/_learning/videos/Intro To Canvas.markdown", "powerapps-learning-videos-intro-to-canvas")]
    [InlineData("Café/Résumé.md", "cafe-resume")]
    [InlineData("___.md", "item")]
    public void AnIdIsTheSlugOfTheRelativePathWithoutExtension(string path, string id)
    {
        Assert.Equal(id, ArticleIdentity.PlainId(path));
    }

    [Fact]
    public void PathsThatSlugAlikeEachGetTheirOwnStableSuffix()
    {
        var (ids, _) = ArticleIdentity.Assign(["a_b/x.md", "a-b/x.md", "news/x.md"]);

        Assert.Equal("a-b-x-" + Suffix("a_b/x.md"), ids["a_b/x.md"]);
        Assert.Equal("a-b-x-" + Suffix("a-b/x.md"), ids["a-b/x.md"]);
        Assert.NotEqual(ids["a_b/x.md"], ids["a-b/x.md"]);
        Assert.Equal("news-x", ids["news/x.md"]);
    }

    [Fact]
    public void TheSameFileNameInTwoFoldersNeedsNoSuffix()
    {
        var (ids, _) = ArticleIdentity.Assign(["news/same.md", "archive/same.md"]);

        Assert.Equal(("news-same", "archive-same"), (ids["news/same.md"], ids["archive/same.md"]));
    }

    [Fact]
    public void APlainIdThatEqualsAnotherPathsSuffixedIdIsSuffixedToo()
    {
        // The third file is named after the first one's suffixed id: before, both got that id and every pass failed.
        var third = $"coll/a-b-x-{Suffix("coll/a_b/x.md")}.md";

        var (ids, collisions) = ArticleIdentity.Assign(["coll/a_b/x.md", "coll/a-b/x.md", third]);

        Assert.Empty(collisions);
        Assert.Equal(3, ids.Values.Distinct().Count());
        Assert.Equal(ArticleIdentity.DisambiguatedId(third), ids[third]);
    }

    [Fact]
    public void PathsWhoseSuffixedIdsStillCollideFailEachWithTheReason()
    {
        // Two paths that slug alike and whose hashes share their first 8 hex digits (c44e3242), found by search.
        const string First = "a ~_+.b/x.md";
        const string Second = "a_, =.=b/x.md";

        var (ids, collisions) = ArticleIdentity.Assign([First, Second, "a/other.md"]);

        Assert.Equal(["a/other.md"], ids.Keys);
        Assert.Equal("its id 'a-b-x-c44e3242' is also the id of 'a_, =.=b/x.md': rename one of them", collisions[First]);
        Assert.Equal("its id 'a-b-x-c44e3242' is also the id of 'a ~_+.b/x.md': rename one of them", collisions[Second]);
    }

    [Theory]
    [InlineData("AI in Robotics", "ai-in-robotics")]
    [InlineData("  Power Apps!  ", "power-apps")]
    [InlineData("C#/.NET", "c-net")]
    public void TopicSlugsAreLowercaseWordsJoinedByDashes(string name, string slug)
    {
        Assert.Equal(slug, Slug.ForTopic(name));
    }

    [Fact]
    public void ATopicWithoutLettersStillGetsASlug()
    {
        Assert.Matches("^topic-[0-9a-f]{8}$", Slug.ForTopic("!!!"));
    }

    private static string Suffix(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)).AsSpan(0, 4));
}
