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
        var ids = ArticleIdentity.Assign(["a_b/x.md", "a-b/x.md", "news/x.md"]);

        Assert.Equal("a-b-x-" + Suffix("a_b/x.md"), ids["a_b/x.md"]);
        Assert.Equal("a-b-x-" + Suffix("a-b/x.md"), ids["a-b/x.md"]);
        Assert.NotEqual(ids["a_b/x.md"], ids["a-b/x.md"]);
        Assert.Equal("news-x", ids["news/x.md"]);
    }

    [Fact]
    public void TheSameFileNameInTwoFoldersNeedsNoSuffix()
    {
        var ids = ArticleIdentity.Assign(["news/same.md", "archive/same.md"]);

        Assert.Equal(("news-same", "archive-same"), (ids["news/same.md"], ids["archive/same.md"]));
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
